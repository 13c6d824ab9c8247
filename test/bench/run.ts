import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDecide } from './decide-bench.ts';
import { benchDecideHttp } from './decide-http-bench.ts';
import { benchEvents } from './events-bench.ts';
import { benchDecideRoute } from './http-bench.ts';
import { benchRollups } from './rollups-bench.ts';

/**
 * `npm run bench`: Herald's figures on this machine, each next to a baseline measured in the same run,
 * because the machine is shared and its speed varies from minute to minute. In-process only; every
 * benchmark is bounded by a count and a time budget.
 */
const dir = mkdtempSync(join(tmpdir(), 'herald-bench-'));
const started = performance.now();
try {
  console.log(`Herald benchmarks — Node ${process.version}, ${process.platform}/${process.arch}`);
  const coreUsPerMessage = benchDecide();
  await benchEvents(dir);
  await benchDecideRoute();
  await benchDecideHttp(dir, coreUsPerMessage);
  await benchRollups(dir);
  console.log(`\ndone in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
