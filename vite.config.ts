/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildEnvironment, defineConfig, type Plugin, type UserConfig } from 'vite';
import { assetsIgnore } from './scripts/build/assets-ignore.ts';
import { compressed } from './scripts/build/compressed.ts';
import { mangleProps, readMangleNames } from './scripts/build/mangle-props.ts';
import { npmPackage } from './scripts/build/npm-package.ts';

/**
 * Herald's builds and test projects, one per `--mode`:
 *
 * | command | what |
 * |---|---|
 * | `vite build --mode widget` | the embed loader and the lazily loaded surfaces → `dist/widget` |
 * | `vite build --mode demo` | the demo product page → `dist/demo` |
 * | `vite build --mode admin` | the admin page → `dist/admin`; `vite --mode admin` serves it with reload |
 * | `vite build --mode npm` | the npm package `herald-widget` (and `herald-widget/react`) → `dist/npm` |
 * | `vitest` (mode `test`) | the `unit`, `dom` and `browser` projects |
 *
 * `npm run build` runs the four builds. Another target (a Worker, say) is one more entry in `TARGETS`
 * and one more `vite build --mode …` there.
 */
const root = import.meta.dirname;
const production = { 'process.env.NODE_ENV': '"production"' };
/** Where the widget is built; the server serves it at `/widget.js` and `/widget/`. */
const WIDGET_OUT = 'dist/widget';
/** The surfaces' entry module: what the loader imports (`start`), by its key in Vite's manifest. */
const SURFACES_ENTRY = 'widget/runtime/app.ts';
/**
 * The browsers the CSS is written for: those of 2022, as the widget's es2022 JavaScript. Lightning CSS
 * minifies into what they all read (`max-width` media queries rather than range syntax, say) and adds
 * no prefix they do not need.
 */
const CSS_TARGET = ['chrome100', 'edge100', 'firefox100', 'safari15'];

/**
 * The widget's modules that stay out of the surfaces entry, in the lazy chunks that import them:
 * each surface's frame and body, tooltip positioning, and the languages other than English.
 */
const LAZY =
  /widget[\\/](ui[\\/](modal|banner|slideout|announcement|survey|feed-launcher|feed-panel|tooltip|position)|i18n[\\/](de|fr|es|ja|ar)\.)|@floating-ui/;

/** Brings `h` and `Fragment` into scope in the widget's JSX files, for classic JSX (sources need no import). */
const classicJsx: Plugin = {
  name: 'herald-classic-jsx',
  enforce: 'pre',
  transform: {
    filter: { id: /\.tsx$/ },
    handler: (code) => `import { h, Fragment } from 'preact';${code}`,
  },
};

/**
 * The loader and the surfaces, built by one `vite build` as two environments, in this order: `client`,
 * the surfaces (an ES module entry that the loader imports when there is something to show, and its lazy
 * chunks), then `loader`, the classic script `widget.js` that pages embed. Vite's manifest
 * (`dist/widget/manifest.json`) lists the surfaces' files and imports: the loader takes the entry's
 * hashed name from it (`__HERALD_UI__`), and `scripts/check-size.ts` the files each surface loads.
 */
function widget(): UserConfig {
  const uiFile: Plugin = {
    name: 'herald-ui-file',
    applyToEnvironment: (env) => env.name === 'loader',
    transform: {
      filter: { code: '__HERALD_UI__' },
      handler(code) {
        const manifest = JSON.parse(readFileSync(join(root, WIDGET_OUT, 'manifest.json'), 'utf8'));
        return code.replaceAll('__HERALD_UI__', JSON.stringify(manifest[SURFACES_ENTRY].file));
      },
    },
  };
  return {
    publicDir: false,
    // Classic JSX, `h(type, props, ...children)`: shorter calls than the automatic runtime's
    // `jsx(type, { ...props, children })`, and no runtime of its own.
    oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } },
    define: production,
    plugins: [
      classicJsx,
      mangleProps(readMangleNames(join(root, 'widget/mangle.json'))),
      compressed(),
      uiFile,
    ],
    environments: {
      client: {
        build: {
          outDir: WIDGET_OUT,
          emptyOutDir: true,
          manifest: 'manifest.json',
          // Class fields stay class fields (es2020 would add `defineProperty` helpers). A browser too old
          // for them fails this dynamic import, which the loader catches: the host page is unharmed.
          target: 'es2022',
          // The stylesheets are imported `?inline`, as strings for constructable stylesheets.
          cssTarget: CSS_TARGET,
          // Library mode keeps the entry's `start` export and leaves dynamic imports plain (an app build
          // would wrap them in a preload helper that adds <link rel=modulepreload> to the host page).
          lib: { entry: { ui: SURFACES_ENTRY }, formats: ['es'] },
          rolldownOptions: {
            // Everything but the surfaces' own modules (`LAZY`) goes into the entry — Preact, signals and
            // what several surfaces share — instead of small shared chunks: every surface is the entry
            // and its own chunks, fetched together (`widget/ui/chunks.ts`), each file one compressed
            // stream. 'allow-extension' lets the entry export what the lazy chunks import from it.
            preserveEntrySignatures: 'allow-extension',
            output: {
              minify: true,
              // The minifier keeps `/* @__PURE__ */` annotations (one per JSX element) unless told not to.
              comments: false,
              // Six characters of hash are plenty for immutable caching, and the entry names every chunk.
              entryFileNames: 'ui-[hash:6].js',
              chunkFileNames: '[name]-[hash:6].js',
              codeSplitting: { groups: [{ name: 'ui', test: (id) => !LAZY.test(id) }] },
            },
          },
        },
      },
      loader: {
        consumer: 'client',
        build: {
          outDir: WIDGET_OUT,
          emptyOutDir: false,
          target: 'es2020',
          rolldownOptions: {
            input: 'widget/loader/loader.ts',
            output: { format: 'iife', entryFileNames: 'widget.js', minify: true, comments: false },
          },
        },
      },
    },
    builder: {
      async buildApp(builder) {
        await builder.build(builder.environments.client as BuildEnvironment);
        await builder.build(builder.environments.loader as BuildEnvironment);
      },
    },
  };
}

/**
 * The npm package, for apps that import Herald instead of embedding the script tag: library mode, ES
 * modules, `index.js` (`init` and the API) and `react.js` (`useRelease`; React stays the app's), and the
 * surfaces as lazy chunks that the app's bundler splits off as it likes. The same loader and runtime
 * sources as the script tag; unmangled, since nothing outside the package reads its internals and the
 * app's minifier does the rest. `scripts/build/npm-package.ts` adds `package.json`, README and types.
 */
const npm = (): UserConfig => ({
  publicDir: false,
  oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } },
  define: production,
  plugins: [classicJsx, npmPackage(root)],
  build: {
    outDir: join(root, 'dist/npm'),
    emptyOutDir: true,
    target: 'es2022',
    cssTarget: CSS_TARGET,
    lib: {
      entry: { index: 'widget/package/index.ts', react: 'widget/package/react.ts' },
      formats: ['es'],
    },
    rolldownOptions: {
      external: ['react'],
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash:6].js' },
    },
  },
});

/** The demo product page, served at `/demo`, which embeds the built widget like any product would. */
const demo = (): UserConfig => ({
  root: join(root, 'widget/demo'),
  base: '/demo/',
  publicDir: join(root, 'widget/demo/public'),
  // Vite warns about the page's two classic scripts (the embed), which it rightly leaves alone.
  logLevel: 'error',
  define: production,
  build: { outDir: join(root, 'dist/demo'), emptyOutDir: true, target: 'es2020' },
});

/**
 * The admin page, served at `/admin` (index.html for page paths, hashed files under `/admin/assets/`).
 * No inline scripts or styles, so the page runs under `script-src 'self'; style-src 'self'`. Served by
 * `vite --mode admin` on :5174 with reload, `/api` and `/widget` proxied to the server (`HERALD_DEV_API`,
 * default :8787).
 */
const admin = (command: 'build' | 'serve'): UserConfig => {
  const api = process.env.HERALD_DEV_API ?? 'http://localhost:8787';
  return {
    root: join(root, 'admin'),
    base: '/admin/',
    publicDir: false,
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    define: command === 'build' ? production : {},
    build: {
      outDir: join(root, 'dist/admin'),
      emptyOutDir: true,
      target: 'es2022',
      // The widget's stylesheets too, in the preview.
      cssTarget: CSS_TARGET,
      // Vite's preload polyfill would be one more script; every browser the admin supports has modulepreload.
      modulePreload: { polyfill: false },
      // Never inline assets as data: URLs, which a strict CSP may refuse.
      assetsInlineLimit: 0,
    },
    server: { port: 5174, fs: { allow: [root] }, proxy: { '/api': api, '/widget': api } },
  };
};

/**
 * The Cloudflare Worker (`server/worker.ts`, run by workerd: `npm run dev:edge`, deploys and the bench)
 * → `dist/worker/worker.js`, one ES module with every dependency bundled, for workerd's conditions.
 * `wrangler.jsonc` names it as the Worker's `main` and `dist/` as its static assets (`dist/.assetsignore`
 * keeps the bundles out of those). Mode `test-worker` builds the API suite's Worker the same way
 * (`test/support/edge-test-worker.ts` → `dist/test-worker`), one entry per build so each is one file.
 */
const workerBuild = (entry: string, outDir: string) => (): UserConfig => ({
  publicDir: false,
  define: production,
  // workerd's own conditions, not `browser` (which picks DOM-only builds, e.g. an entity decoder that
  // needs `document`).
  ssr: {
    target: 'webworker',
    noExternal: true,
    resolve: {
      conditions: ['workerd', 'worker', 'import', 'default'],
      externalConditions: ['workerd', 'worker'],
    },
  },
  plugins: [assetsIgnore(['worker', 'test-worker', 'npm'])],
  build: {
    ssr: entry,
    outDir: join(root, outDir),
    emptyOutDir: true,
    target: 'es2022',
    // Workers count the bundle's size, not its readability; a readable stack trace is worth more here.
    minify: false,
    rolldownOptions: { output: { format: 'es', entryFileNames: 'worker.js' } },
  },
});

/**
 * Vitest's projects: `unit` (server, core, store, API, build plugins — node), `dom` (widget and admin components —
 * happy-dom, with the widget's `?inline` stylesheets as real CSS) and `browser` (real Chromium against
 * the built app, after `npm run build`).
 */
const tests = (): UserConfig => ({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['server/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/browser/**', 'node_modules/**'],
          // The Worker the API suite also runs against, in workerd (`test/support/edge-app.ts`).
          globalSetup: ['test/support/build-worker.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['widget/**/*.test.{ts,tsx}', 'admin/**/*.test.{ts,tsx}'],
          css: { include: [/\.css\?inline$/] },
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

const TARGETS: Record<string, (command: 'build' | 'serve') => UserConfig> = {
  widget,
  demo,
  admin,
  npm,
  worker: workerBuild('server/worker.ts', 'dist/worker'),
  'test-worker': workerBuild('test/support/edge-test-worker.ts', 'dist/test-worker'),
  test: tests,
};

export default defineConfig(({ mode, command }) => {
  const target = TARGETS[mode];
  if (!target) {
    throw new Error(`vite.config.ts: no target "${mode}"; use --mode ${Object.keys(TARGETS).join(' | ')}`);
  }
  return target(command);
});
