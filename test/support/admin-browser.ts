import { createRequire } from 'node:module';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { startHerald } from './browser-server.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The first admin the test server creates (`HERALD_ADMIN_EMAIL` / `HERALD_ADMIN_PASSWORD`). */
export const ADMIN = { email: 'pm@herald.test', password: 'a long admin password 42' } as const;

/** The demo site's seeded launch announcement and its survey, by name: what most admin tests open. */
export const DEMO_LAUNCH = 'Reserve ahead — Austin launch';
export const DEMO_SURVEY = 'How was reserving ahead?';

type Reply = { status: number; body: any };

/** The real server process with the admin page, a temp SQLite file and a known first admin. */
export type AdminServer = {
  /** `http://127.0.0.1:PORT` */
  base: string;
  /** Calls `/api` with the bearer token (or `/v1`); JSON in, parsed JSON out. */
  api(method: string, path: string, body?: unknown): Promise<Reply>;
  /** The demo site (`pk_demo`) as the API lists it. */
  demoSite(): Promise<{ id: string; name: string }>;
  /** The id of the message named `name` on the demo site. */
  messageId(name: string): Promise<string>;
  /** The ids of the demo site, its launch announcement and its survey (`DEMO_LAUNCH`, `DEMO_SURVEY`). */
  demoIds(): Promise<{ site: string; launch: string; survey: string }>;
};

/** Starts the real server with the admin page and a known first admin; adds demo-site lookups. */
async function startServer(): Promise<AdminServer & { stop(): Promise<void> }> {
  const herald = await startHerald(
    { HERALD_ADMIN_EMAIL: ADMIN.email, HERALD_ADMIN_PASSWORD: ADMIN.password },
    { admin: true },
  );
  const demoSite = async () => {
    const { body } = await herald.api('GET', '/api/sites');
    return body.sites.find((s: { publicKey: string }) => s.publicKey === 'pk_demo');
  };
  const messageId = async (name: string) => {
    const { body } = await herald.api('GET', `/api/sites/${(await demoSite()).id}/messages`);
    const found = body.messages.find((m: { name: string }) => m.name === name);
    if (!found) throw new Error(`no message named "${name}" on the demo site`);
    return found.id as string;
  };
  const demoIds = async () => ({
    site: (await demoSite()).id as string,
    launch: await messageId(DEMO_LAUNCH),
    survey: await messageId(DEMO_SURVEY),
  });
  return { base: herald.base, api: herald.api, demoSite, messageId, demoIds, stop: herald.stop };
}

/** A Chromium with a fresh profile and its first page. */
export type Browser = { context: BrowserContext; page: Page };

/**
 * A test file's server and browsers: the server starts before the file's tests; every browser opened with
 * `open` and the server are stopped after them.
 *
 * @example const env = adminEnv(); it('…', async () => { const { page } = await env.open(); … });
 */
export function adminEnv() {
  const closers: (() => Promise<void>)[] = [];
  let stopServer = async () => {};
  const env = {
    server: undefined as unknown as AdminServer,
    /** Launches Chromium (English, 1280×800 unless `options` say otherwise) with a new user data dir. */
    async open(options: BrowserContextOptions = {}): Promise<Browser> {
      const { context, page, close } = await launchChromium(options);
      closers.push(close);
      return { context, page };
    },
    /** `open`, then signs `account` in on the admin's sign-in page. */
    async signedIn(
      account: { email: string; password: string },
      options: BrowserContextOptions = {},
    ): Promise<Browser> {
      const browser = await env.open(options);
      await signIn(browser.page, env.server.base, account);
      return browser;
    },
  };
  beforeAll(async () => {
    const server = await startServer();
    env.server = server;
    stopServer = server.stop;
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await stopServer();
  });
  return env;
}

/** Signs in on the admin's sign-in page and waits for the signed-in layout. */
export async function signIn(page: Page, base: string, account: { email: string; password: string }) {
  await page.goto(`${base}/admin/`);
  await page.getByLabel('Email', { exact: true }).fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** One rule axe-core found broken, with where. */
export type Violation = { id: string; impact: string; help: string; targets: string[] };

/**
 * Runs axe-core's WCAG 2 A and AA rules on the page and returns the serious and critical violations.
 * The admin page's CSP forbids injected scripts, so the context must be opened with `bypassCSP: true`.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    type Result = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run(c: Document, o: unknown): Promise<Result> } }).axe;
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        targets: v.nodes.map((n) => JSON.stringify(n.target)),
      }));
  });
}
