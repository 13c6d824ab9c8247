import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/** An app served over real HTTP on a free port of 127.0.0.1; `close()` stops it. */
export type HttpServer = { base: string; close(): Promise<void> };

/**
 * Serves `fetch` (a Hono app's) with Node's HTTP server, as `npm start` does, so tests see real sockets:
 * headers as sent, bodies streamed, connections closed or kept.
 *
 * @example const server = await httpServer(t.app.fetch); await fetch(`${server.base}/healthz`)
 */
export function httpServer(fetch: (request: Request) => Response | Promise<Response>): Promise<HttpServer> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        base: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
