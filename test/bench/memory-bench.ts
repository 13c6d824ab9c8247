import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { spawnHerald } from '../support/herald-process.ts';
import { fmt } from './measure.ts';
import { type BenchRow, verdict } from './report.ts';

const EVENTS = Number(process.env.HERALD_BENCH_MEMORY_EVENTS ?? 1_000_000);
/** Events per `POST /v1/events`, as the events benchmark sends them. */
const BATCH = 50;
const USERS = 10_000;

/** A process's resident memory in MB, from Linux's `/proc` (the figure `top` and the kernel's OOM killer see). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? Number.NaN) / 1024;
}

/**
 * The real server process (node itself, on a fresh SQLite file) after `EVENTS` events sent to it over HTTP
 * from 10,000 users, as the widget sends them: its resident memory beside its own right after start, and
 * the events it stored against those it acknowledged.
 */
export async function benchServerMemory(dir: string): Promise<BenchRow[]> {
  const file = join(dir, 'memory.db');
  const off = '0';
  const server = await spawnHerald(
    {
      DATABASE_URL: `sqlite:${file}`,
      HERALD_LIMIT_ADDRESS_PER_MINUTE: off,
      HERALD_LIMIT_SITE_PER_MINUTE: off,
    },
    { nodeArgs: ['--no-warnings'] },
  );
  try {
    const idle = rssMb(server.pid);
    let n = 0;
    const body = () => {
      const at = new Date().toISOString();
      const events = Array.from({ length: BATCH }, () => ({
        id: randomUUID(),
        type: 'track',
        name: n % 7 === 0 ? 'reservation_made' : 'page_viewed',
        at,
        user: { id: `u_${n++ % USERS}` },
      }));
      return JSON.stringify({ site: 'pk_demo', events });
    };
    const started = performance.now();
    const result = await autocannon({
      url: server.base,
      connections: 32,
      amount: Math.ceil(EVENTS / BATCH),
      requests: [
        {
          method: 'POST',
          path: '/v1/events',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => ({ ...req, body: body() }),
        },
      ],
    });
    const seconds = (performance.now() - started) / 1000;
    const after = rssMb(server.pid);
    const db = new Database(file, { readonly: true });
    const { stored } = db.prepare('select count(*) as stored from events').get() as { stored: number };
    db.close();
    const acknowledged = result['2xx'] * BATCH;
    return [
      {
        figure: `server RSS after ${fmt(acknowledged, 0)} events over HTTP from ${fmt(USERS, 0)} users (${fmt(acknowledged / seconds, 0)}/s; ${fmt(stored, 0)} stored) (MB)`,
        herald: fmt(after, 0),
        baseline: `the same server idle after start ${fmt(idle, 0)}`,
        target: '≤ 300',
        verdict:
          stored < acknowledged ? `LOST ${acknowledged - stored} events` : verdict(after, 300, false, 'MB'),
      },
    ];
  } finally {
    await server.stop();
  }
}
