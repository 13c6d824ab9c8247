import type { ServerType } from '@hono/node-server';

/** How long in-flight requests get to finish before their connections are cut. */
const DRAIN_MS = 10_000;

/**
 * Stops the process gracefully on SIGTERM or SIGINT: stop accepting connections, let the requests in
 * flight finish (each answered only once its events are committed), then run `release` (flush the write
 * queues and close the stores) and exit 0; a failing step exits with 1. Whatever was acknowledged is
 * already durable, so even SIGKILL loses nothing acknowledged: shutting down gracefully spares the
 * clients in flight a cut connection and a retry.
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
    // A wrapper (npm, tsx) passes the signal on to its child, which then gets it twice: the first one
    // counts. The drain is bounded by DRAIN_MS; SIGKILL is the way to cut it short.
    if (stopping) return;
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

/**
 * Closes the listener, then keep-alive connections as each falls idle (its request answered), so clients
 * that keep connections open do not hold the process; after `DRAIN_MS`, any connection still open.
 */
function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    const closeIdle = () => {
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    };
    const idle = setInterval(closeIdle, 50);
    const cut = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, DRAIN_MS);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(cut);
      resolve();
    });
    closeIdle();
  });
}
