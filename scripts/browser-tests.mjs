// Runs the Chromium browser tests, or says loudly why they were skipped. With HERALD_REQUIRE_BROWSER set
// (as .ci/run does), a missing Chromium is a failure, not a skip.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.HERALD_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const line = '!'.repeat(78);
  console.error(`\n${line}\n!! BROWSER TESTS SKIPPED: no Chromium at ${chromium}.`);
  console.error('!! Install it with `apt-get install -y chromium` (or set HERALD_CHROMIUM) to run them.');
  console.error(`${line}\n`);
  process.exit(process.env.HERALD_REQUIRE_BROWSER ? 1 : 0);
}
const run = spawnSync('npx', ['vitest', 'run', '--project', 'browser'], {
  stdio: 'inherit',
  env: { ...process.env, HERALD_CHROMIUM: chromium },
});
process.exit(run.status ?? 1);
