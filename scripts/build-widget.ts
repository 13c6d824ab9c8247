/**
 * Builds the widget into `dist/`, where the server serves it:
 * - `dist/widget/ui-[hash].js` (ES module): the surfaces entry with everything it imports statically, in
 *   one file, imported only when there is something to show; and its lazy chunks (feed panel, tooltip,
 *   languages other than English), which import what they share from it. `@floating-ui/dom` lands in its
 *   own chunk because the tooltip imports it dynamically;
 * - `dist/widget/widget.js`: the loader, a classic IIFE script that knows the surfaces entry's hashed name;
 * - `.gz` and `.br` siblings of each, and `dist/widget/manifest.json` (files, sizes, import graph);
 * - `dist/demo/`: the demo product page.
 *
 * Run: `tsx scripts/build-widget.ts`
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { InlineConfig, Rolldown } from 'vite';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'dist/widget');

/** What check-size and the server need to know about one built file. */
export type ManifestFile = {
  bytes: number;
  gzip: number;
  brotli: number;
  imports: string[];
  dynamicImports: string[];
};
/**
 * `dist/widget/manifest.json`: the loader, the surfaces entry, the chunks that position tooltips
 * (`@floating-ui/dom`) and the ones that hold the tooltip component, and every file.
 */
export type Manifest = {
  loader: string;
  entry: string;
  positioning: string[];
  tooltip: string[];
  files: Record<string, ManifestFile>;
};

const shared: InlineConfig = {
  configFile: false,
  root,
  logLevel: 'warn',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  define: { 'process.env.NODE_ENV': '"production"' },
};

const chunksOf = (result: Awaited<ReturnType<typeof build>>) =>
  (Array.isArray(result) ? result : [result]).flatMap((r) =>
    'output' in r ? r.output.filter((o): o is Rolldown.OutputChunk => o.type === 'chunk') : [],
  );

async function buildSurfaces() {
  const result = await build({
    ...shared,
    build: {
      outDir: out,
      emptyOutDir: false,
      // Class fields stay class fields (es2020 would add `defineProperty` helpers: 0.3 KB gzip). A browser
      // too old for them fails this dynamic import, which the loader catches: the host page is unharmed.
      target: 'es2022',
      reportCompressedSize: false,
      // Library mode: keeps the entry's `start` export and leaves dynamic imports plain (an app build
      // would wrap them in a preload helper that adds <link rel=modulepreload> to the host page).
      lib: { entry: { ui: join(root, 'widget/runtime/app.ts') }, formats: ['es'] },
      rolldownOptions: {
        // Everything the entry imports statically goes into the entry file itself, instead of the shared
        // chunks rolldown would split off for what the lazy chunks use too (Preact, the content renderer…):
        // one request and one gzip stream for a modal, 0.8 KB gzip less. The lazy chunks import those
        // modules from the entry, which is loaded by then; 'allow-extension' lets it export them.
        preserveEntrySignatures: 'allow-extension',
        output: {
          minify: true,
          // The minifier keeps `/* @__PURE__ */` annotations (one per JSX element) unless told not to.
          comments: false,
          entryFileNames: 'ui-[hash].js',
          chunkFileNames: '[name]-[hash].js',
          codeSplitting: { groups: [{ name: 'ui', tags: ['$initial'] }] },
        },
      },
    },
  });
  return chunksOf(result);
}

async function buildLoader(uiFile: string) {
  const result = await build({
    ...shared,
    define: { ...shared.define, __HERALD_UI__: JSON.stringify(uiFile) },
    build: {
      outDir: out,
      emptyOutDir: false,
      target: 'es2020',
      reportCompressedSize: false,
      rolldownOptions: {
        input: join(root, 'widget/loader/loader.ts'),
        output: { format: 'iife', entryFileNames: 'widget.js' },
      },
    },
  });
  return chunksOf(result);
}

async function buildDemo() {
  await build({
    ...shared,
    root: join(root, 'widget/demo'),
    // Vite warns about the page's two classic scripts (the embed), which it rightly leaves alone.
    logLevel: 'error',
    base: '/demo/',
    publicDir: join(root, 'widget/demo/public'),
    build: { outDir: join(root, 'dist/demo'), emptyOutDir: true, target: 'es2020' },
  });
}

const holding = (chunks: Rolldown.OutputChunk[], path: string) =>
  chunks.filter((c) => c.moduleIds.some((id) => id.includes(path))).map((c) => c.fileName);

/** Writes `.gz` and `.br` siblings (the server sends them as they are) and returns the sizes. */
async function compress(file: string) {
  const data = await readFile(join(out, file));
  const gz = gzipSync(data, { level: 9 });
  const br = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
  await writeFile(join(out, `${file}.gz`), gz);
  await writeFile(join(out, `${file}.br`), br);
  return { bytes: data.length, gzip: gz.length, brotli: br.length };
}

async function main() {
  await rm(out, { recursive: true, force: true });
  const surfaces = await buildSurfaces();
  const entry = surfaces.find((c) => c.isEntry);
  if (!entry) throw new Error('the surfaces build produced no entry chunk');
  const chunks = [...surfaces, ...(await buildLoader(entry.fileName))];
  await buildDemo();

  const manifest: Manifest = {
    loader: 'widget.js',
    entry: entry.fileName,
    positioning: holding(surfaces, '/@floating-ui/'),
    tooltip: holding(surfaces, '/widget/ui/tooltip'),
    files: {},
  };
  for (const c of chunks) {
    manifest.files[c.fileName] = {
      ...(await compress(c.fileName)),
      imports: c.imports,
      dynamicImports: c.dynamicImports,
    };
  }
  await writeFile(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [file, f] of Object.entries(manifest.files)) {
    console.log(`${file.padEnd(28)} ${String(f.bytes).padStart(7)} B  gzip ${f.gzip} B  br ${f.brotli} B`);
  }
}

await main();
