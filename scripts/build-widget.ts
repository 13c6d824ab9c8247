/**
 * Builds the widget into `dist/`, where the server serves it:
 * - `dist/widget/ui-[hash].js` (ES module): the surfaces entry — runtime model, Preact, signals, the app
 *   shell and what every surface shares (content renderer, close button, main stylesheet) — in one file,
 *   imported only when there is something to show; and one lazy chunk per surface (modal, banner,
 *   slide-out, survey, feed launcher, feed panel, tooltip), for tooltip positioning (`@floating-ui/dom`)
 *   and per language other than English, which import what they share from the entry;
 * - `dist/widget/widget.js`: the loader, a classic IIFE script that knows the surfaces entry's hashed name;
 * - `.gz` and `.br` siblings of each, and `dist/widget/manifest.json` (files, sizes, import graph);
 * - `dist/demo/`: the demo product page.
 *
 * Run: `tsx scripts/build-widget.ts`
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import type { InlineConfig, Plugin, Rolldown } from 'vite';
import { build } from 'vite';
import { guardWidget, preactTrimmed, signalsTrimmed } from './widget-trims.ts';

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
/** The lazy chunks of the surfaces, by the source module that makes each one (see `widget/ui/chunks.ts`). */
export const SURFACE_CHUNKS = {
  modal: 'widget/ui/modal.tsx',
  banner: 'widget/ui/banner.tsx',
  slideout: 'widget/ui/slideout.tsx',
  survey: 'widget/ui/survey.tsx',
  launcher: 'widget/ui/feed-launcher.tsx',
  panel: 'widget/ui/feed-panel.tsx',
  tooltip: 'widget/ui/tooltip.tsx',
  positioning: 'widget/ui/position.ts',
};

/**
 * `dist/widget/manifest.json`: the loader, the surfaces entry, the files holding each surface's chunk
 * (`SURFACE_CHUNKS`), the language tables, and every file with its sizes and imports.
 */
export type Manifest = {
  loader: string;
  entry: string;
  chunks: Record<keyof typeof SURFACE_CHUNKS, string[]>;
  languages: string[];
  files: Record<string, ManifestFile>;
};

/**
 * The modules that stay out of the surfaces entry, in the lazy chunks that import them; everything else
 * the widget's UI uses is in the entry (see `buildSurfaces`).
 */
const LAZY =
  /widget[\\/](ui[\\/](modal|banner|slideout|survey|feed-launcher|feed-panel|feed-styles|tooltip|position)|i18n[\\/](de|fr|es|ja|ar)\.)|@floating-ui/;

/** Brings `h` and `Fragment` into scope in the widget's JSX files, for classic JSX (sources need no import). */
const classicJsx: Plugin = {
  name: 'herald-classic-jsx',
  enforce: 'pre',
  transform: {
    filter: { id: /\.tsx$/ },
    handler: (code) => `import { h, Fragment } from 'preact';${code}`,
  },
};

const shared: InlineConfig = {
  configFile: false,
  root,
  logLevel: 'warn',
  publicDir: false,
  // Classic JSX, `h(type, props, ...children)`: shorter calls than the automatic runtime's
  // `jsx(type, { ...props, children })`, and no runtime of its own (60 B gzip less for a survey).
  oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } },
  plugins: [classicJsx],
  define: { 'process.env.NODE_ENV': '"production"' },
};

const chunksOf = (result: Awaited<ReturnType<typeof build>>) =>
  (Array.isArray(result) ? result : [result]).flatMap((r) =>
    'output' in r ? r.output.filter((o): o is Rolldown.OutputChunk => o.type === 'chunk') : [],
  );

async function buildSurfaces() {
  const result = await build({
    ...shared,
    plugins: [...(shared.plugins ?? []), guardWidget, preactTrimmed, signalsTrimmed],
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
        // Everything but the surfaces' own modules (`LAZY`) goes into the entry file — Preact, signals and
        // what several surfaces share: the content renderer, the close button, focus return — instead of
        // the small shared chunks rolldown would split off: every surface is the entry and its own
        // chunks, fetched together (`widget/ui/chunks.ts`), each file one gzip stream. The lazy chunks
        // import those modules from the entry, which is loaded by then; 'allow-extension' lets it export them.
        preserveEntrySignatures: 'allow-extension',
        output: {
          minify: true,
          // The minifier keeps `/* @__PURE__ */` annotations (one per JSX element) unless told not to.
          comments: false,
          // Six characters of hash are plenty for immutable caching, and the entry names every chunk.
          entryFileNames: 'ui-[hash:6].js',
          chunkFileNames: '[name]-[hash:6].js',
          codeSplitting: {
            groups: [{ name: 'ui', test: (id) => !LAZY.test(id) }],
          },
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

const holding = (chunks: Rolldown.OutputChunk[], test: (id: string) => boolean) =>
  chunks.filter((c) => c.moduleIds.some(test)).map((c) => c.fileName);

/**
 * Writes `.gz` and `.br` siblings (the server sends them as they are) and returns the sizes. The gzip
 * is zopfli's: a standard gzip stream that any browser reads, about 2.5% smaller than zlib's level 9
 * (the widget's budget is in gzip bytes), at a cost paid once per build, not per request.
 */
async function compress(file: string) {
  const data = await readFile(join(out, file));
  // Imported here, once the builds have succeeded: its Emscripten runtime installs process-wide
  // handlers that would print its whole source with any build error.
  const { gzipAsync } = await import('@gfx/zopfli');
  const gz = await gzipAsync(data, { numiterations: 15 });
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
    chunks: Object.fromEntries(
      Object.entries(SURFACE_CHUNKS).map(([name, path]) => [
        name,
        holding(surfaces, (id) => id === join(root, path)),
      ]),
    ) as Manifest['chunks'],
    languages: holding(surfaces, (id) => /widget[\\/]i18n[\\/]..\.ts$/.test(id)),
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
