import type { ServerType } from '@hono/node-server';

/** How long in-flight requests get to finish before their connections are cut. */
const DRAIN_MS = 10_000;

/**
 * Stops the process gracefully on SIGTERM or SIGINT: stop accepting connections, let the requests in
 * flight finish (each answered only once its events are committed), then run `release` (flush the write
 * queues and close the stores) and exit 0. A second signal, or a failing step, exits at once with 1:
 * whatever was acknowledged is already durable, so cutting short loses nothing acknowledged.
 *
 * @example onStopSignal(server, async () => { await store.close() }, log)
 */
export function onStopSignal(
  server: ServerType,
  release: () => Promise<void>,
  log: {
    info(message: string): void;
    error(message: string, detail?: unknown): void;
    flush(): Promise<void>;
  },
): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      log.error(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    log.info(`${signal}: no new connections; finishing requests in flight`);
    let code = 0;
    try {
      await closeServer(server);
      await release();
      log.info('stopped: every acknowledged write is stored');
    } catch (err) {
      log.error('shutdown failed', err);
      code = 1;
    }
    await log.flush();
    process.exit(code);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** Closes the listener and idle keep-alive connections; after `DRAIN_MS`, any connection still open. */
function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    const cut = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, DRAIN_MS);
    server.close(() => {
      clearTimeout(cut);
      resolve();
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
}
