import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Vitest global setup of the `unit` project: builds the test Worker (`vite build --mode test-worker`) that the API
 * suite's `edge` store kind runs in workerd, so `npm run test:unit` needs no build before it.
 */
export function setup(): void {
  const root = join(import.meta.dirname, '../..');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'test-worker', '--logLevel', 'error'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
