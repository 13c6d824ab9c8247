import { createServer, request } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { sleep } from './herald-process.ts';

/**
 * How the proxy answers: `up` passes through; `down` refuses connections (nothing listens); `slow` holds
 * each request (CORS preflights aside) before passing it through; `error` answers 500 without asking the
 * server, with the CORS headers a failing app behind a working front server still sends (preflights pass);
 * `chunks` answers 500 for the widget's lazily loaded files (`/widget/…`) only, as a failing file store.
 */
export type ApiMode = 'up' | 'down' | 'slow' | 'error' | 'chunks';

/** A real HTTP proxy in front of the Herald server whose behaviour a test switches. */
export type SwitchProxy = {
  /** `http://127.0.0.1:PORT`, the same port in every mode. */
  origin: string;
  /** Each request that reached the proxy, as `METHOD /path (mode)`. */
  seen: string[];
  setMode(mode: ApiMode): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Starts the proxy on a free port of 127.0.0.1, forwarding to `target` (`http://127.0.0.1:PORT`).
 * `slowMs` is how long `slow` holds each request.
 *
 * @example const proxy = await startSwitchProxy(herald.base); await proxy.setMode('down');
 */
export async function startSwitchProxy(target: string, { slowMs = 10_000 } = {}): Promise<SwitchProxy> {
  let mode: ApiMode = 'up';
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer(async (req, res) => {
    const now = mode;
    seen.push(`${req.method} ${req.url} (${now})`);
    const preflight = req.method === 'OPTIONS';
    if ((now === 'error' && !preflight) || (now === 'chunks' && req.url?.startsWith('/widget/'))) {
      req.resume();
      const body = JSON.stringify({ error: { code: 'internal', message: 'internal error' } });
      const cors = { 'access-control-allow-origin': req.headers.origin ?? '*', vary: 'Origin' };
      res.writeHead(500, { ...cors, 'content-type': 'application/json' }).end(body);
      return;
    }
    if (now === 'slow' && !preflight) await sleep(slowMs);
    const upstream = request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  /** Stops listening and cuts every open connection, so the next request finds nothing there. */
  const close = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
  const port = await listen(0);
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    async setMode(next) {
      if (next === 'down') await close();
      else if (!server.listening) await listen(port);
      mode = next;
    },
    stop: close,
  };
}
