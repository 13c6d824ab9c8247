import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserEnv } from '../support/browser.ts';

const ROOT = join(import.meta.dirname, '../..');
const LAUNCH = 'Reserve a scooter ahead';
const AUSTIN = { id: 'u_austin_1', traits: { city: 'Austin' } };
const BOSTON = { id: 'u_boston_1', traits: { city: 'Boston' } };

/**
 * An app as a customer would write it: React, `herald-widget` and its hook, `identify` before `init`,
 * and the release's state on screen. Plain `createElement`, so the app's build needs no JSX setup.
 */
const APP = `import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { identify, init, isEnabled, ready } from 'herald-widget';
import { useRelease } from 'herald-widget/react';

const q = new URLSearchParams(location.search);
identify(q.get('user'), JSON.parse(q.get('traits') || '{}'));
init({ site: 'pk_demo', api: q.get('api') });
function Feature() {
  return h('p', { id: 'feature' }, 'reserve-ahead: ' + (useRelease('reserve-ahead') ? 'on' : 'off'));
}
createRoot(document.getElementById('app')).render(h(Feature));
window.app = { identify, enabled: () => ready().then(() => isEnabled('reserve-ahead')) };
`;
const INDEX = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An SPA</title>
<script type="module" src="./main.js"></script></head><body><main><h1>An SPA</h1><div id="app"></div></main></body></html>`;

/** The package as `npm install` would place it: a copy of `dist/npm` (built if missing) in `node_modules`. */
function installPackage(into: string): string {
  if (!existsSync(join(ROOT, 'dist/npm/index.js'))) {
    const run = spawnSync('npx', ['vite', 'build', '--mode', 'npm'], { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`the npm build failed:\n${run.stdout}\n${run.stderr}`);
  }
  const modules = join(into, 'node_modules');
  mkdirSync(modules, { recursive: true });
  cpSync(join(ROOT, 'dist/npm'), join(modules, 'herald-widget'), { recursive: true });
  for (const dep of ['react', 'react-dom', 'scheduler'])
    symlinkSync(join(ROOT, 'node_modules', dep), join(modules, dep));
  return join(modules, 'herald-widget');
}

describe('the npm package', () => {
  const env = browserEnv();
  const dir = mkdtempSync(join(tmpdir(), 'herald-npm-app-'));
  let installed: string;

  beforeAll(async () => {
    installed = installPackage(dir);
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'main.js'), APP);
    // The app's own Vite build, as its developers would run it.
    await build({
      root: dir,
      base: '/demo/',
      configFile: false,
      logLevel: 'error',
      build: { outDir: join(dir, 'out') },
    });
    env.host.file('/demo/', readFileSync(join(dir, 'out/index.html'), 'utf8'), 'text/html; charset=utf-8');
    for (const file of readdirSync(join(dir, 'out/assets'))) {
      env.host.file(`/demo/assets/${file}`, readFileSync(join(dir, 'out/assets', file), 'utf8'));
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Opens the built app as `user`; answers what `isEnabled` says once `ready()` resolves. */
  async function openApp(page: Page, user: typeof AUSTIN): Promise<boolean> {
    const q = new URLSearchParams({
      user: user.id,
      traits: JSON.stringify(user.traits),
      api: env.herald.base,
    });
    await page.goto(`${env.host.url('/demo/')}?${q}`);
    return page.evaluate(() => (window as unknown as { app: { enabled(): Promise<boolean> } }).app.enabled());
  }

  /**
   * Opens a page with the script tag and README's snippet as `user`, whose own script calls
   * `await Herald.ready()` then `Herald.isEnabled` as README shows, whether the widget has loaded yet or not.
   */
  async function openTagPage(page: Page, user: typeof AUSTIN): Promise<boolean> {
    env.host.file(
      '/demo/tag-app.js',
      "window.tagDecision = Herald.ready().then(function () { return Herald.isEnabled('reserve-ahead'); });",
    );
    env.host.page('/demo/tag', {
      site: 'pk_demo',
      body: '<h1>Script tag</h1>',
      user,
      scripts: ['/demo/tag-app.js'],
    });
    await page.goto(env.host.url('/demo/tag'));
    await page.waitForFunction(() => 'tagDecision' in window);
    return page.evaluate(() => (window as unknown as { tagDecision: Promise<boolean> }).tagDecision);
  }

  it.each([
    ['Austin', AUSTIN, true],
    ['Boston', BOSTON, false],
  ])('gives the %s user the same decision as the script tag', async (_city, user, expected) => {
    const npm = await env.open();
    const tag = await env.open();
    expect(await openApp(npm.page, user)).toBe(expected);
    expect(await openTagPage(tag.page, user)).toBe(expected);
    await npm.page
      .locator('#feature')
      .getByText(`reserve-ahead: ${expected ? 'on' : 'off'}`)
      .waitFor();
    expect(npm.pageErrors).toEqual([]);
  });

  it('shows the release’s announcement from the package’s own lazy chunks', async () => {
    const { page, pageErrors } = await env.open();
    await openApp(page, AUSTIN);
    await page.locator('#herald-root').getByRole('dialog', { name: LAUNCH }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('re-renders useRelease when a new decision turns the release on', async () => {
    const { page } = await env.open();
    expect(await openApp(page, BOSTON)).toBe(false);
    await page.locator('#feature').getByText('reserve-ahead: off').waitFor();
    await page.evaluate(
      ([id, traits]) =>
        (window as unknown as { app: { identify(...a: unknown[]): void } }).app.identify(id, traits),
      [AUSTIN.id, AUSTIN.traits] as const,
    );
    await page.locator('#feature').getByText('reserve-ahead: on').waitFor();
  });

  it('does nothing on import: in Node, without a DOM, it loads and adds no global', async () => {
    const before = Object.keys(globalThis).sort();
    const module = await import(pathToFileURL(join(installed, 'index.js')).href);
    expect(Object.keys(module).sort()).toEqual([
      'identify',
      'init',
      'isEnabled',
      'on',
      'openFeed',
      'page',
      'ready',
      'reset',
      'subscribe',
      'track',
    ]);
    expect(module.isEnabled('reserve-ahead')).toBe(false);
    expect(Object.keys(globalThis).sort()).toEqual(before);
  });

  it('declares its types so that a consumer’s TypeScript checks calls against them', () => {
    const consumer = join(dir, 'consumer');
    mkdirSync(consumer, { recursive: true });
    writeFileSync(
      join(consumer, 'app.ts'),
      `import { identify, init, isEnabled, on, ready, type HeraldEvent } from 'herald-widget';
import { useRelease } from 'herald-widget/react';
init({ site: 'pk_1', api: 'https://herald.example.com', locale: 'de' });
identify('u_42', { city: 'Austin' }, { token: 't' });
on('response', (event?: HeraldEvent) => console.log(event?.value));
const enabled: boolean = isEnabled('reserve-ahead');
const hook: boolean = useRelease('reserve-ahead');
ready().then(() => console.log(enabled, hook));
// @ts-expect-error: a site key is required
init({ api: 'https://herald.example.com' });
// @ts-expect-error: ids are strings
identify(42);
// @ts-expect-error: no such event
on('clicked', () => {});
`,
    );
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          strict: true,
          noEmit: true,
          lib: ['ES2022', 'DOM'],
          types: [],
          typeRoots: [join(ROOT, 'node_modules/@types')],
        },
        files: ['app.ts'],
      }),
    );
    symlinkSync(join(dir, 'node_modules'), join(consumer, 'node_modules'));
    symlinkSync(join(ROOT, 'node_modules/@types'), join(dir, 'node_modules/@types'));
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', consumer], {
      encoding: 'utf8',
    });
    expect(`${tsc.stdout}${tsc.stderr}`).toBe('');
    expect(tsc.status).toBe(0);
  });
});
