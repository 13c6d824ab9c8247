/**
 * The widget's size budget (issues 3 and 13), on the built files (`dist/widget`, after
 * `vite build --mode widget`), per surface: everything loaded to show a modal, a banner, a slide-out or
 * a survey — the loader, the surfaces entry and that surface's own chunks (its frame and body, with their
 * styles) — is ≤ 14,000 B; the tooltip positioning chunk (`@floating-ui/dom`) ≤ 6,000 B on top of what
 * a tooltip loads; and the loader alone ≤ 2,500 B. A survey is a slide-out card unless its author asks
 * for a modal, so both of its frames are checked. The feed, the tooltip and the total of every surface
 * are printed for information, and so is the largest language table (loaded, besides, for users whose
 * language is not English).
 *
 * Budgets count the bytes the server sends to a browser that accepts brotli (every current one): the
 * `.br` siblings the build wrote, each checked to decode to its file. The `.gz` siblings (for the rest)
 * and zlib's gzip -9 of the same files are printed beside them for information. 1 KB = 1,000 B, the
 * stricter reading. Exits 1 when a budget is exceeded.
 *
 * Run: `tsx scripts/check-size.ts` (`npm run size`)
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { Manifest } from 'vite';

const dir = resolve(import.meta.dirname, '../dist/widget');
const manifest: Manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
/** The loader: a fixed name, pages embed it (`vite.config.ts`). */
const LOADER = 'widget.js';
/** The surfaces' entry, the one module the loader imports. */
const ENTRY = 'widget/runtime/app.ts';

/** The module that makes each surface's lazy chunk (see `widget/ui/chunks.ts`). */
const SURFACES = {
  modal: 'widget/ui/modal.tsx',
  banner: 'widget/ui/banner.tsx',
  slideout: 'widget/ui/slideout.tsx',
  announcement: 'widget/ui/announcement.tsx',
  survey: 'widget/ui/survey.tsx',
  launcher: 'widget/ui/feed-launcher.tsx',
  panel: 'widget/ui/feed-panel.tsx',
  tooltip: 'widget/ui/tooltip.tsx',
  positioning: 'widget/ui/position.ts',
};
type Surface = keyof typeof SURFACES;

/** A module's entry in the manifest: its chunk's file and imports. */
function chunkOf(key: string) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in dist/widget/manifest.json: is it imported lazily?`);
  return chunk;
}

/** The files of these modules' chunks and of everything they import statically. */
function closure(keys: string[]): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = chunkOf(key);
    if (seen.has(chunk.file)) return;
    seen.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return [...seen];
}

/** The loader, the entry, and these surfaces' chunks with what they import. */
const showing = (...surfaces: Surface[]) => [
  LOADER,
  ...closure([ENTRY, ...surfaces.map((s) => SURFACES[s])]),
];

/**
 * The bytes the server sends for these files: their `.br` and `.gz` siblings, checked to decode to the
 * built file; and zlib's gzip -9 of each, for comparison.
 */
async function measure(files: string[]) {
  let brotli = 0;
  let gzip = 0;
  let zlib9 = 0;
  for (const file of files) {
    const data = await readFile(join(dir, file));
    const br = await readFile(join(dir, `${file}.br`));
    const gz = await readFile(join(dir, `${file}.gz`));
    if (!brotliDecompressSync(br).equals(data) || !gunzipSync(gz).equals(data)) {
      throw new Error(`${file}.br or ${file}.gz does not decode to ${file}: build again`);
    }
    brotli += br.length;
    gzip += gz.length;
    zlib9 += gzipSync(data, { level: 9 }).length;
  }
  return { brotli, gzip, zlib9 };
}

const languages = Object.values(manifest)
  .filter((c) => c.src && /^widget\/i18n\/..\.json$/.test(c.src))
  .map((c) => c.file);
const language = (await Promise.all(languages.map(async (file) => ({ file, ...(await measure([file])) }))))
  .sort((a, b) => b.brotli - a.brotli)
  .at(0);

const rows: { name: string; files: string[]; budget?: number }[] = [
  { name: 'loader widget.js', files: [LOADER], budget: 2500 },
  { name: 'modal', files: showing('modal', 'announcement'), budget: 14_000 },
  { name: 'banner', files: showing('banner', 'announcement'), budget: 14_000 },
  { name: 'slide-out', files: showing('slideout', 'announcement'), budget: 14_000 },
  { name: 'survey (slide-out card)', files: showing('slideout', 'survey'), budget: 14_000 },
  { name: 'survey (in a modal)', files: showing('modal', 'survey'), budget: 14_000 },
  { name: 'tooltip positioning chunk', files: [chunkOf(SURFACES.positioning).file], budget: 6000 },
  { name: 'tooltip (info)', files: showing('tooltip', 'positioning') },
  { name: 'feed launcher (info)', files: showing('launcher') },
  { name: 'feed launcher + panel (info)', files: showing('launcher', 'panel') },
  { name: 'entry alone (info)', files: closure([ENTRY]) },
  { name: 'all surfaces together (info)', files: showing(...(Object.keys(SURFACES) as Surface[])) },
  { name: 'largest language table (info)', files: language ? [language.file] : [] },
];

let over = false;
const column = (n: number) => `${String(n).padStart(6)} B`;
console.log(
  `${'what is loaded'.padEnd(30)} ${'brotli'.padStart(8)} ${'gzip'.padStart(8)} ${'zlib -9'.padStart(8)}  budget (brotli)`,
);
for (const row of rows) {
  const { brotli, gzip, zlib9 } = await measure(row.files);
  const fails = row.budget !== undefined && brotli > row.budget;
  over ||= fails;
  const budget =
    row.budget === undefined
      ? ''
      : `  ≤ ${row.budget} B ${fails ? 'OVER' : `ok, ${row.budget - brotli} B left`}`;
  console.log(`${row.name.padEnd(30)} ${[brotli, gzip, zlib9].map(column).join(' ')}${budget}`);
  console.log(`${' '.repeat(4)}${row.files.join(', ') || '(none)'}`);
}
process.exit(over ? 1 : 0);
