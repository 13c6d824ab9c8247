import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BATCH, floodEvents, unlimitedHerald } from './event-flood.ts';
import { fmt } from './measure.ts';
import { type BenchRow, verdict } from './report.ts';

const EVENTS = Number(process.env.HERALD_BENCH_MEMORY_EVENTS ?? 1_000_000);
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
  const server = await unlimitedHerald(`sqlite:${file}`, { nodeArgs: ['--no-warnings'] });
  try {
    const idle = rssMb(server.pid);
    const started = performance.now();
    const result = await floodEvents(server.base, {
      connections: 32,
      users: USERS,
      requests: Math.ceil(EVENTS / BATCH),
      name: (n) => (n % 7 === 0 ? 'reservation_made' : 'page_viewed'),
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
