import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/**
 * The bench's baseline: a bare Hono hello-world on the same Node server adapter Herald uses, started as a
 * child process like Herald so both pay the same process, socket and HTTP costs.
 */
const app = new Hono().get('/', (c) => c.text('Hello Hono!'));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: process.env.HOST ?? '127.0.0.1' });
