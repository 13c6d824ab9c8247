import pino from 'pino';
import type { RequestObservation } from '../http/observe.ts';

/** The levels `HERALD_LOG_LEVEL` takes, quietest last. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Anything that may carry a credential, wherever it sits in a logged object: Herald logs route patterns,
 * not URLs, and no headers, but an error's detail could hold any of these.
 */
const REDACT = ['authorization', 'cookie', 'password', 'secret', 'token', 'apiToken', 'receipt'].flatMap(
  (key) => [key, `*.${key}`, `*.*.${key}`],
);

/**
 * Herald's JSON log (pino) on stderr, one object a line; stdout keeps the human start-up banner (URLs, the
 * first admin's generated password, printed once and never logged).
 *
 * @example const log = jsonLogger('info'); log.request({ method: 'GET', route: '/healthz', status: 200, ms: 0.4 })
 */
export function jsonLogger(level: LogLevel) {
  const logger = pino(
    { level, base: { service: 'herald' }, redact: { paths: REDACT, censor: '[redacted]' } },
    pino.destination({ dest: 2, sync: false }),
  );
  return {
    logger,
    /** The app's `log`: something failed that the caller could not report (a webhook, a check, a 500). */
    error(message: string, detail?: unknown): void {
      if (detail instanceof Error) logger.error({ err: detail }, message);
      else if (detail === undefined) logger.error(message);
      else logger.error({ detail }, message);
    },
    /**
     * One answered request, at info; a 5xx at error. A 4xx is the client's mistake (or a flood of them),
     * not the operator's, so it does not raise the level.
     */
    request(o: RequestObservation): void {
      const entry = { method: o.method, route: o.route, status: o.status, ms: Math.round(o.ms * 100) / 100 };
      if (o.status >= 500) logger.error(entry, 'request');
      else logger.info(entry, 'request');
    },
    /** Writes what is buffered; before exit. */
    flush: () => new Promise<void>((resolve) => logger.flush(() => resolve())),
  };
}

/** HERALD_LOG_LEVEL, checked: a typo must not silence the log. */
export function logLevelFrom(value: string | undefined): LogLevel {
  if (value === undefined || value === '') return 'info';
  if ((LOG_LEVELS as readonly string[]).includes(value)) return value as LogLevel;
  throw new Error(`HERALD_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${value}`);
}
