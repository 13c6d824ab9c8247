import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** The package's name on npm, as apps import it: `herald-widget` and `herald-widget/react`. */
export const NPM_NAME = 'herald-widget';
/** The type files the package ships, from `widget/package/`. */
const TYPES = ['index', 'react', 'types'];

/**
 * Completes the npm package beside the built `index.js` and `react.js`: its `package.json` (ESM, exports
 * with types, `sideEffects: false`, React an optional peer), a README, and the `.d.ts` files that `tsc`
 * emits for `widget/package/` (`widget/package/tsconfig.json`). The type files must stand alone: an
 * import of anything but each other or `react` (zod, the server's schemas) fails the build.
 */
export function npmPackage(root: string): Plugin {
  return {
    name: 'herald-npm-package',
    apply: 'build',
    generateBundle() {
      const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
      const manifest = {
        name: NPM_NAME,
        version,
        description: 'Herald: announcements, tooltips and feedback prompts that follow your phased rollouts',
        type: 'module',
        sideEffects: false,
        exports: {
          '.': { types: './index.d.ts', import: './index.js' },
          './react': { types: './react.d.ts', import: './react.js' },
        },
        module: './index.js',
        types: './index.d.ts',
        peerDependencies: { react: '>=18' },
        peerDependenciesMeta: { react: { optional: true } },
      };
      this.emitFile({
        type: 'asset',
        fileName: 'package.json',
        source: `${JSON.stringify(manifest, null, 2)}\n`,
      });
      this.emitFile({
        type: 'asset',
        fileName: 'README.md',
        source: readFileSync(join(root, 'widget/package/README.md'), 'utf8'),
      });
      for (const [name, source] of Object.entries(declarations(root))) {
        this.emitFile({ type: 'asset', fileName: `${name}.d.ts`, source });
      }
    },
  };
}

/** Runs `tsc` on `widget/package/` into a temp folder; the standalone `.d.ts` texts by name. */
function declarations(root: string): Record<string, string> {
  const out = mkdtempSync(join(tmpdir(), 'herald-npm-types-'));
  try {
    const tsc = spawnSync(
      process.execPath,
      [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'widget/package/tsconfig.json', '--outDir', out],
      { cwd: root, encoding: 'utf8' },
    );
    if (tsc.status !== 0)
      throw new Error(`tsc could not emit the package's types:\n${tsc.stdout}${tsc.stderr}`);
    const files: Record<string, string> = {};
    for (const name of TYPES) {
      // Sources import `./types.ts`; the published files sit beside each other as `.js` and `.d.ts`.
      const text = readFileSync(join(out, 'widget/package', `${name}.d.ts`), 'utf8').replace(
        /(from '\.\/\w+)\.ts'/g,
        "$1.js'",
      );
      for (const [, from] of text.matchAll(/^(?:import|export)\b[^;]*? from '([^']+)'/gm)) {
        if (from !== 'react' && !TYPES.some((t) => from === `./${t}.js`)) {
          throw new Error(`${name}.d.ts imports ${from}: the package's types must stand alone`);
        }
      }
      files[name] = text;
    }
    return files;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
