import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/**
 * The bench's baseline: a bare Hono hello-world on the same Node server adapter Herald uses, started as a
 * child process like Herald so both pay the same process, socket and HTTP costs.
 *
 * With `HERALD_BENCH_ANSWER`, it also takes `POST /v1/decide`: reads the JSON body and sends that text back,
 * decided by nobody. That is what a decide answer of this size costs to receive and send, with no work.
 */
const answer = process.env.HERALD_BENCH_ANSWER ?? '';
const app = new Hono()
  .get('/', (c) => c.text('Hello Hono!'))
  .post('/v1/decide', async (c) => {
    await c.req.json();
    return c.body(answer, 200, { 'content-type': 'application/json' });
  });
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: process.env.HOST ?? '127.0.0.1' });
// Exits on the bench's SIGTERM so that `node --cpu-prof` writes its profile.
process.on('SIGTERM', () => process.exit(0));
