import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Writes `dist/.assetsignore`, the list of folders under `dist/` that are not the Worker's static assets
 * (its own bundle, the npm package): Wrangler uploads everything else in `dist/` as assets.
 */
export function assetsIgnore(folders: string[]): Plugin {
  return {
    name: 'herald-assets-ignore',
    apply: 'build',
    closeBundle() {
      writeFileSync(
        join(import.meta.dirname, '../../dist/.assetsignore'),
        `${folders.map((f) => `${f}/`).join('\n')}\n`,
      );
    },
  };
}
