/**
 * Builds the admin page into `dist/admin/`, which the server serves at `/admin` (index.html for page
 * paths, hashed files under `/admin/assets/`). No inline scripts or styles, so the page runs under
 * `script-src 'self'; style-src 'self'`.
 *
 * Run: `tsx scripts/build-admin.ts`            (build)
 *      `tsx scripts/build-admin.ts --dev`      (dev server on :5174, `/api` proxied to the server on :8787)
 */
import { join, resolve } from 'node:path';
import type { InlineConfig } from 'vite';
import { build, createServer } from 'vite';

const root = resolve(import.meta.dirname, '..');
const apiTarget = process.env.HERALD_DEV_API ?? 'http://localhost:8787';

const config: InlineConfig = {
  configFile: false,
  root: join(root, 'admin'),
  base: '/admin/',
  logLevel: 'warn',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    outDir: join(root, 'dist/admin'),
    emptyOutDir: true,
    target: 'es2022',
    // Vite's preload polyfill would be one more script; every browser the admin supports has modulepreload.
    modulePreload: { polyfill: false },
    // Never inline assets as data: URLs, which a strict CSP may refuse.
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
  server: {
    port: 5174,
    fs: { allow: [root] },
    proxy: { '/api': apiTarget, '/widget': apiTarget },
  },
};

if (process.argv.includes('--dev')) {
  const server = await createServer({ ...config, define: {}, logLevel: 'info' });
  await server.listen();
  server.printUrls();
} else {
  await build(config);
  console.log(`admin built into ${config.build?.outDir}`);
}
