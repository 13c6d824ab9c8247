import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { spawnHerald } from '../support/herald-process.ts';

/** Events per `POST /v1/events` (the widget sends at most 100). */
export const BATCH = 50;

/**
 * The real server on `databaseUrl` with the rate limits off (they count every `/v1` request in the database).
 * `HERALD_BENCH_CPU_PROF=dir` writes its CPU profile there on exit, as for the decide server.
 */
export function unlimitedHerald(databaseUrl: string, options: Parameters<typeof spawnHerald>[1] = {}) {
  const off = '0';
  const profile = process.env.HERALD_BENCH_CPU_PROF;
  const nodeArgs = [...(options.nodeArgs ?? []), ...(profile ? cpuProfileArgs(profile) : [])];
  return spawnHerald(
    { DATABASE_URL: databaseUrl, HERALD_LIMIT_ADDRESS_PER_MINUTE: off, HERALD_LIMIT_SITE_PER_MINUTE: off },
    { ...options, nodeArgs },
  );
}

/** `node --cpu-prof` into `dir`: the profile is written when the process exits. */
export const cpuProfileArgs = (dir: string) => ['--cpu-prof', `--cpu-prof-dir=${dir}`];

/**
 * Floods `POST /v1/events` on the demo site with batches of `BATCH` `track` events (new ids, `users` users
 * in turn) from `connections` connections, for `seconds` or until `requests` were sent.
 */
export function floodEvents(
  base: string,
  load: {
    connections: number;
    users: number;
    seconds?: number;
    requests?: number;
    name?: (n: number) => string;
  },
) {
  let n = 0;
  const body = () => {
    const at = new Date().toISOString();
    const events = Array.from({ length: BATCH }, () => ({
      id: randomUUID(),
      type: 'track',
      name: load.name?.(n) ?? 'bench',
      at,
      user: { id: `u_${n++ % load.users}` },
    }));
    return JSON.stringify({ site: 'pk_demo', events });
  };
  return autocannon({
    url: base,
    connections: load.connections,
    ...(load.seconds === undefined ? {} : { duration: load.seconds }),
    ...(load.requests === undefined ? {} : { amount: load.requests }),
    requests: [
      {
        method: 'POST',
        path: '/v1/events',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: body() }),
      },
    ],
  });
}
