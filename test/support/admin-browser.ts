import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM } from './browser.ts';
import { freePort, poll, sleep, snapshotDist } from './browser-server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The first admin the test server creates (`HERALD_ADMIN_EMAIL` / `HERALD_ADMIN_PASSWORD`). */
export const ADMIN = { email: 'pm@herald.test', password: 'a long admin password 42' } as const;
const TOKEN = 'admin-browser-test-token';

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
};

/** Whether the admin build in `dir` is whole: its page and every asset the page names. */
function adminComplete(dir: string): boolean {
  const page = join(dir, 'index.html');
  if (!existsSync(page)) return false;
  const assets = [...readFileSync(page, 'utf8').matchAll(/\/admin\/(assets\/[^"]+)"/g)].map(
    (m) => m[1] ?? '',
  );
  return assets.length > 0 && assets.every((a) => existsSync(join(dir, a)));
}

/**
 * Builds what is missing (widget, admin), then copies `dist` into `into`: the server serves that copy, so
 * a rebuild by someone else (which empties `dist/admin` first) cannot pull files from under a test.
 */
async function snapshotAll(into: string): Promise<void> {
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'admin/index.html'))) {
    const run = spawnSync('npx', ['tsx', 'scripts/build-admin.ts'], { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`the admin build failed:\n${run.stdout}\n${run.stderr}`);
  }
  await snapshotDist(into);
  const admin = join(into, 'admin');
  for (let attempt = 0; !adminComplete(admin); attempt++) {
    if (attempt === 60) throw new Error('dist/admin stayed incomplete for a minute (a build in progress?)');
    if (attempt > 0) await sleep(1000);
    rmSync(admin, { recursive: true, force: true });
    mkdirSync(admin, { recursive: true });
    try {
      cpSync(join(dist, 'admin'), admin, { recursive: true });
    } catch {}
  }
}

/** Whether any process of the group `pid` leads is still alive. */
function alive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts `tsx server/main.ts` in its own process group; returns the server and how to stop all of it. */
async function startServer(dir: string): Promise<AdminServer & { stop(): Promise<void> }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn('npx', ['tsx', 'server/main.ts'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dir, 'herald.db')}`,
      HERALD_API_TOKEN: TOKEN,
      HERALD_ADMIN_EMAIL: ADMIN.email,
      HERALD_ADMIN_PASSWORD: ADMIN.password,
      HERALD_PUBLIC_URL: base,
      HERALD_DIST_DIR: join(dir, 'dist'),
    },
  });
  const pid = child.pid as number;
  const output: string[] = [];
  child.stdout?.on('data', (d) => output.push(String(d)));
  child.stderr?.on('data', (d) => output.push(String(d)));
  const stop = async () => {
    if (alive(pid)) process.kill(-pid, 'SIGTERM');
    const deadline = Date.now() + 10_000;
    while (alive(pid) && Date.now() < deadline) await sleep(50);
    if (alive(pid)) process.kill(-pid, 'SIGKILL');
  };
  const api = async (method: string, path: string, body?: unknown): Promise<Reply> => {
    const res = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const demoSite = async () => {
    const { body } = await api('GET', '/api/sites');
    return body.sites.find((s: { publicKey: string }) => s.publicKey === 'pk_demo');
  };
  const messageId = async (name: string) => {
    const { body } = await api('GET', `/api/sites/${(await demoSite()).id}/messages`);
    const found = body.messages.find((m: { name: string }) => m.name === name);
    if (!found) throw new Error(`no message named "${name}" on the demo site`);
    return found.id as string;
  };
  try {
    await poll(
      'the server to answer /healthz',
      async () => {
        if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
        const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1000) });
        return res.ok ? true : undefined;
      },
      { timeoutMs: 60_000, everyMs: 200 },
    );
  } catch (e) {
    await stop();
    throw new Error(`${e}\n${output.join('')}`);
  }
  return { base, api, demoSite, messageId, stop };
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A Chromium with a fresh profile and its first page. */
export type Browser = { context: BrowserContext; page: Page };

/**
 * A test file's server and browsers: the server starts before the file's tests; every browser opened with
 * `open` and the server are stopped after them.
 *
 * @example const env = adminEnv(); it('…', async () => { const { page } = await env.open(); … });
 */
export function adminEnv() {
  const dir = mkdtempSync(join(tmpdir(), 'herald-admin-'));
  const closers: (() => Promise<void>)[] = [];
  let stopServer = async () => {};
  const env = {
    server: undefined as unknown as AdminServer,
    /** Launches Chromium (English, 1280×800 unless `options` say otherwise) with a new user data dir. */
    async open(options: BrowserContextOptions = {}): Promise<Browser> {
      const profile = mkdtempSync(join(tmpdir(), 'herald-admin-chromium-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: ARGS,
        locale: 'en-US',
        viewport: { width: 1280, height: 800 },
        ...options,
      });
      closers.push(async () => {
        await context.close().catch(() => {});
        rmSync(profile, { recursive: true, force: true });
      });
      return { context, page: context.pages()[0] ?? (await context.newPage()) };
    },
  };
  beforeAll(async () => {
    await snapshotAll(join(dir, 'dist'));
    const server = await startServer(dir);
    env.server = server;
    stopServer = server.stop;
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await stopServer();
    rmSync(dir, { recursive: true, force: true });
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
