/**
 * The widget's size budget (issue 3), measured on the built files (`dist/widget`, after
 * `scripts/build-widget.ts`), per surface: everything loaded to show a modal, a banner, a slide-out or a
 * survey — the loader, the surfaces entry and that surface's own chunks (its frame and body, with their
 * styles) — is ≤ 14 KB; the tooltip positioning chunk (`@floating-ui/dom`) ≤ 6 KB on top of what a
 * tooltip loads; and the loader alone ≤ 2.5 KB. A survey is a slide-out card unless its author asks for
 * a modal, so both of its frames are checked. The feed, the tooltip and the total of every surface are
 * printed for information, and so is the largest language table (loaded, besides, for users whose
 * language is not English).
 *
 * Sizes are those of the compressed files the server sends (`.gz` by zopfli, `.br` at quality 11), each
 * file compressed on its own, each checked to decode to its file; zlib's gzip -9 of the same files is
 * printed beside them for comparison.
 * Budgets are gzip, in bytes (1 KB = 1,000 B, the stricter reading). Exits 1 when a budget is exceeded.
 * Most of what makes it fit is in `widget-trims.ts` (the parts of Preact and its signals the widget
 * cannot reach) and in loading each surface as a chunk of its own.
 *
 * Run: `tsx scripts/check-size.ts`
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { Manifest } from './build-widget.ts';

const dir = resolve(import.meta.dirname, '../dist/widget');
const manifest: Manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));

/** The files and all their static imports. */
function closure(files: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of manifest.files[file]?.imports ?? []) visit(imported);
  };
  for (const file of files) visit(file);
  return [...seen];
}

/**
 * The bytes the server sends for these files: their `.gz` and `.br` siblings, checked to decode to the
 * built file; and zlib's gzip -9 of each, for comparison.
 */
async function measure(files: string[]) {
  let gzip = 0;
  let brotli = 0;
  let zlib9 = 0;
  for (const file of files) {
    const data = await readFile(join(dir, file));
    const gz = await readFile(join(dir, `${file}.gz`));
    const br = await readFile(join(dir, `${file}.br`));
    if (!gunzipSync(gz).equals(data) || !brotliDecompressSync(br).equals(data)) {
      throw new Error(`${file}.gz or ${file}.br does not decode to ${file}: build again`);
    }
    gzip += gz.length;
    brotli += br.length;
    zlib9 += gzipSync(data, { level: 9 }).length;
  }
  return { gzip, brotli, zlib9 };
}

const { loader, entry, chunks, languages } = manifest;
for (const [name, files] of Object.entries(chunks)) {
  if (!files.length) throw new Error(`no chunk holds the ${name} surface: is it imported lazily?`);
}
/** The loader, the entry, and these surface chunks with what they import. */
const showing = (...names: (keyof Manifest['chunks'])[]) =>
  closure([loader, entry, ...names.flatMap((n) => chunks[n])]);

const language = (
  await Promise.all(languages.map(async (file) => ({ file, ...(await measure([file])) })))
).sort((a, b) => b.gzip - a.gzip)[0];

const rows: { name: string; files: string[]; budget?: number }[] = [
  { name: 'loader widget.js', files: [loader], budget: 2500 },
  { name: 'modal', files: showing('modal'), budget: 14_000 },
  { name: 'banner', files: showing('banner'), budget: 14_000 },
  { name: 'slide-out', files: showing('slideout'), budget: 14_000 },
  {
    name: 'survey (slide-out card)',
    files: showing('slideout', 'survey'),
    budget: 14_000,
  },
  {
    name: 'survey (in a modal)',
    files: showing('modal', 'survey'),
    budget: 14_000,
  },
  { name: 'tooltip positioning chunk', files: chunks.positioning, budget: 6000 },
  { name: 'tooltip (info)', files: showing('tooltip', 'positioning') },
  { name: 'feed launcher (info)', files: showing('launcher') },
  { name: 'feed launcher + panel (info)', files: showing('launcher', 'panel') },
  { name: 'entry alone (info)', files: [entry] },
  { name: 'all surfaces together (info)', files: closure([loader, entry, ...Object.values(chunks).flat()]) },
  { name: 'largest language table (info)', files: language ? [language.file] : [] },
];

let over = false;
console.log(
  `${'what is loaded'.padEnd(30)} ${'gzip'.padStart(8)} ${'brotli'.padStart(8)} ${'zlib -9'.padStart(8)}  budget (gzip)`,
);
for (const row of rows) {
  const { gzip, brotli, zlib9 } = await measure(row.files);
  const fails = row.budget !== undefined && gzip > row.budget;
  over ||= fails;
  const budget = row.budget === undefined ? '' : `  ≤ ${row.budget} B ${fails ? 'OVER' : 'ok'}`;
  console.log(
    `${row.name.padEnd(30)} ${[gzip, brotli, zlib9].map((n) => `${String(n).padStart(6)} B`).join(' ')}${budget}`,
  );
  console.log(`${' '.repeat(4)}${row.files.join(', ') || '(none)'}`);
}
process.exit(over ? 1 : 0);
