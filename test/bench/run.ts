import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchDecide } from './decide-bench.ts';
import { benchDecideHttp } from './decide-http-bench.ts';
import { benchDecideWorkerd } from './decide-workerd-bench.ts';
import { benchEvents } from './events-bench.ts';
import { benchDecideRoute } from './http-bench.ts';
import { benchServerMemory } from './memory-bench.ts';
import type { BenchRow } from './report.ts';
import { printReport } from './report.ts';
import { benchRollups } from './rollups-bench.ts';

/**
 * `npm run bench`: Herald's figures on this machine in one table, each beside a baseline measured in the
 * same run (the machine is shared and its speed varies from minute to minute) and its target. A benchmark
 * returns rows; a new figure is one more entry in `benches` below. Every run is bounded by a count or a time.
 */
const benches: Record<string, (dir: string) => BenchRow[] | Promise<BenchRow[]>> = {
  core: () => benchDecide(),
  route: () => benchDecideRoute(),
  decide: benchDecideHttp,
  workerd: () => benchDecideWorkerd(),
  events: benchEvents,
  rollups: benchRollups,
  memory: benchServerMemory,
};
// `HERALD_BENCH_ONLY=decide,core` runs only those benchmarks: a quick look at one figure while working.
const only = process.env.HERALD_BENCH_ONLY?.split(',').map((name) => name.trim());
const unknown = only?.filter((name) => !(name in benches)) ?? [];
if (unknown.length)
  throw new Error(`HERALD_BENCH_ONLY: no benchmark ${unknown.join(', ')} (${Object.keys(benches)})`);
/** Marks the line on which a benchmark's process hands its rows back. */
const ROWS = 'HERALD_BENCH_ROWS ';
const one = process.env.HERALD_BENCH_ONE;
if (one !== undefined) {
  // A benchmark's own process: its rows go back to the run that started it.
  const dir = mkdtempSync(join(tmpdir(), 'herald-bench-'));
  try {
    console.log(ROWS + JSON.stringify(await (benches[one] as (typeof benches)[string])(dir)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  const started = performance.now();
  const rows: BenchRow[] = [];
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  try {
    console.log(
      `Herald benchmarks — ${new Date().toISOString().slice(0, 10)}; Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} × ${cpu}, ${fmtGb(totalmem())} GB`,
    );
    for (const name of Object.keys(benches)) {
      if (!only || only.includes(name)) rows.push(...(await inOwnProcess(name)));
    }
  } finally {
    printReport(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`, rows);
  }
}

/**
 * Runs one benchmark in a process of its own (this script again, with `HERALD_BENCH_ONE`): the heap and
 * compiled code one leaves behind then cannot move the next one's figures. In one process, the decide
 * latency after the core benchmark's garbage was two to three times what it was alone.
 */
async function inOwnProcess(name: string): Promise<BenchRow[]> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    env: { ...process.env, HERALD_BENCH_ONE: name },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += String(chunk);
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const line = out.split('\n').find((l) => l.startsWith(ROWS));
  if (code !== 0 || line === undefined) throw new Error(`benchmark ${name} failed (exit ${code}):\n${out}`);
  return JSON.parse(line.slice(ROWS.length)) as BenchRow[];
}

function fmtGb(bytes: number): string {
  return (bytes / 1024 ** 3).toFixed(0);
}
