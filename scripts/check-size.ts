/**
 * The widget's size budget (issue 3), measured on the built files (`dist/widget`, after
 * `scripts/build-widget.ts`): (a) the loader ≤ 2.5 KB; (b) everything loaded to show a modal, banner,
 * slide-out or survey ≤ 14 KB in total — the loader plus the surfaces entry and all it imports statically;
 * and (c) the tooltip positioning chunk (`@floating-ui/dom`) ≤ 6 KB on top of (b).
 * Sizes are each file compressed on its own (gzip level 9, brotli 11), as the server sends them; budgets
 * are gzip, in bytes (1 KB = 1,000 B, the stricter reading). Exits 1 when a budget is exceeded.
 *
 * Run: `tsx scripts/check-size.ts`
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Manifest } from './build-widget.ts';

const dir = resolve(import.meta.dirname, '../dist/widget');
const manifest: Manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));

/** The files and all their static imports, without those in `except`. */
function closure(files: string[], except = new Set<string>()): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || except.has(file)) return;
    seen.add(file);
    for (const imported of manifest.files[file]?.imports ?? []) visit(imported);
  };
  for (const file of files) visit(file);
  return [...seen];
}

async function measure(files: string[]) {
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const data = await readFile(join(dir, file));
    gzip += gzipSync(data, { level: 9 }).length;
    brotli += brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { gzip, brotli };
}

const surfaces = closure([manifest.entry]);
const positioning = closure(manifest.positioning, new Set(surfaces));
const rows: { name: string; files: string[]; budget?: number }[] = [
  { name: '(a) loader widget.js', files: [manifest.loader], budget: 2500 },
  { name: '(b) loader + modal/banner/…/survey', files: [manifest.loader, ...surfaces], budget: 14_000 },
  { name: '    of which the surfaces (info)', files: surfaces },
  { name: '(c) tooltip positioning', files: positioning, budget: 6000 },
  {
    name: '    tooltip, all of it (info)',
    files: closure([...manifest.tooltip, ...manifest.positioning], new Set(surfaces)),
  },
];

let over = false;
for (const row of rows) {
  const { gzip, brotli } = await measure(row.files);
  const fails = row.budget !== undefined && gzip > row.budget;
  over ||= fails;
  const budget = row.budget === undefined ? '' : `  budget ${row.budget} B ${fails ? 'OVER' : 'ok'}`;
  console.log(
    `${row.name.padEnd(36)} gzip ${String(gzip).padStart(6)} B  brotli ${String(brotli).padStart(6)} B${budget}`,
  );
  console.log(`${' '.repeat(4)}${row.files.join(', ') || '(none)'}`);
}
if (!positioning.length)
  console.log('note: no tooltip positioning chunk found (is @floating-ui/dom imported lazily?)');
process.exit(over ? 1 : 0);
