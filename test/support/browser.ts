import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { HeraldApi } from '../../widget/loader/herald.ts';
import { type HostPage, type HostServer, type Probe, startHost } from './browser-host.ts';
import {
  createSite,
  type HeraldServer,
  type MessageDraft,
  publishMessage,
  type SiteFields,
  startHerald,
  type TestSite,
} from './browser-server.ts';

/** Where Chromium is: `HERALD_CHROMIUM`, else the Debian package's path. */
export const CHROMIUM = process.env.HERALD_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Chromium with a fresh user data dir (Playwright takes it as `launchPersistentContext`'s first argument
 * and refuses `--user-data-dir` in `args`), in English, 1280×800 unless `options` say otherwise.
 */
export async function launchChromium(
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'herald-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The page's window as the tests see it: the widget's API and the host page's probe. */
export type TestWindow = Window & { Herald: HeraldApi; __probe: Probe };

/** A browser with a fresh profile, its first page, and what went wrong in its pages. */
export type Session = {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions in any page of the session (Playwright's `pageerror`). */
  pageErrors: string[];
  /** Console messages of type `error` (failed loads and CSP reports included). */
  consoleErrors: string[];
  close(): Promise<void>;
};

/** Collects a page's uncaught exceptions and console errors into `session`. */
function watch(page: Page, session: Pick<Session, 'pageErrors' | 'consoleErrors'>): void {
  page.on('pageerror', (e) => session.pageErrors.push(`${e.message}\n${e.stack ?? ''}`));
  page.on('console', (m) => {
    if (m.type() === 'error') session.consoleErrors.push(`${m.text()} (${m.location().url})`);
  });
}

/**
 * The shared setup of a browser test file: the real server process, the host page server (another
 * origin), and browsers with fresh profiles, all stopped after the file's tests. With `site`, also a site
 * of that name that accepts the host page's origin (`createSite`, with `siteFields`), as `env.site`.
 *
 * @example const env = browserEnv({ site: 'Keyboard' }); it('…', async () => { const { page } = await env.visit('/app/'); … });
 */
export function browserEnv({
  edge = false,
  site,
  siteFields = {},
}: {
  edge?: boolean;
  site?: string;
  siteFields?: SiteFields;
} = {}) {
  const sessions = new Set<Session>();
  const env = {
    herald: undefined as unknown as HeraldServer,
    host: undefined as unknown as HostServer,
    /** The site named by `browserEnv({ site })`, created before the file's own `beforeAll`. */
    site: undefined as unknown as TestSite,
    /**
     * Launches Chromium with a fresh user data dir (Playwright takes it as `launchPersistentContext`'s
     * first argument and refuses `--user-data-dir` in `args`), in English, 1280×800.
     */
    async open(options: BrowserContextOptions = {}): Promise<Session> {
      const { context, page, close } = await launchChromium(options);
      const session: Session = {
        context,
        page,
        pageErrors: [],
        consoleErrors: [],
        async close() {
          sessions.delete(session);
          await close();
        },
      };
      watch(page, session);
      context.on('page', (p) => watch(p, session));
      sessions.add(session);
      return session;
    },
    /** Creates `draft` on `env.site` and publishes it (`publishMessage`); returns its id. */
    publish(draft: MessageDraft): Promise<string> {
      return publishMessage(env.herald, env.site, draft);
    },
    /** Serves a host page at `path` (`env.host.page`) for `env.site` unless `page.site` names another. */
    page(path: string, page: Omit<HostPage, 'site'> & { site?: string }): void {
      env.host.page(path, { site: env.site.publicKey, ...page });
    },
    /** `open`, then the host page at `path` (`env.host.url(path)`). */
    async visit(path: string, options: BrowserContextOptions = {}): Promise<Session> {
      const session = await env.open(options);
      await session.page.goto(env.host.url(path));
      return session;
    },
  };
  beforeAll(async () => {
    env.herald = await startHerald({}, { edge });
    env.host = await startHost(env.herald.base);
    if (site !== undefined) env.site = await createSite(env.herald, site, env.host.origin, siteFields);
  });
  afterAll(async () => {
    for (const s of [...sessions]) await s.close();
    await env.host?.stop();
    await env.herald?.stop();
  });
  return env;
}

/** Waits until the real widget replaced the stub and its first decide answer is in. */
export async function heraldReady(page: Page): Promise<void> {
  // The stub has `ready` too, and its queue `q`; the real API has no queue.
  await page.waitForFunction(
    () => {
      const h = (window as unknown as { Herald?: { q?: unknown } }).Herald;
      return h !== undefined && h.q === undefined;
    },
    null,
    { timeout: 30_000 },
  );
  await page.evaluate(() => (window as unknown as TestWindow).Herald.ready());
}

/** Calls `Herald.track(name)` in the page once the widget is ready. */
export async function track(page: Page, name: string): Promise<void> {
  await heraldReady(page);
  await page.evaluate((n) => (window as unknown as TestWindow).Herald.track(n), name);
}

/** Resolves once every animation in the widget's shadow root has finished (colours are final then). */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const root = document.getElementById('herald-root')?.shadowRoot;
    await Promise.all((root?.getAnimations() ?? []).map((a) => a.finished.catch(() => {})));
  });
}

/** What has keyboard focus, through open shadow roots: inside the widget or not, and how it is named. */
export type Focus = { inWidget: boolean; id: string; name: string; tag: string; inDialog: boolean };

/** The focused element, looked up through the widget's shadow root. */
export function focused(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    let el = document.activeElement;
    let inWidget = false;
    while (el?.shadowRoot?.activeElement) {
      inWidget ||= el.id === 'herald-root';
      el = el.shadowRoot.activeElement;
    }
    return {
      inWidget,
      id: el?.id ?? '',
      name: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '',
      tag: el?.tagName.toLowerCase() ?? '',
      inDialog: !!el?.closest('[role=dialog]'),
    };
  });
}

/** The events waiting in the widget's IndexedDB queue for `site` (none when the database does not exist yet). */
export function queuedEvents(page: Page, site: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(async (name) => {
    // Opening a database that does not exist would create it without the widget's store.
    if (!(await indexedDB.databases()).some((d) => d.name === name)) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      if (!db.objectStoreNames.contains('events')) return [];
      const req = db.transaction('events').objectStore('events').getAll();
      return await new Promise<Record<string, unknown>[]>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    } finally {
      db.close();
    }
  }, `herald:${site}`);
}
