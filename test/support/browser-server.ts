import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { MessageInput } from '../../server/schema/message.ts';
import type { SiteInput } from '../../server/schema/site.ts';

import { sleep, spawnHerald } from './herald-process.ts';

export { freePort, sleep } from './herald-process.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The bearer token the browser tests' server accepts on `/api/*`. */
export const API_TOKEN = 'browser-test-token';

/**
 * Calls `probe` until it returns something other than undefined (or stops throwing), every `everyMs`,
 * for up to `timeoutMs`; then throws with the last error or value. For conditions outside the browser.
 *
 * @example const rows = await poll(async () => ((await count()) === 1 ? rows : undefined));
 */
export async function poll<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { timeoutMs = 15_000, everyMs = 250 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}: ${last}`);
    await sleep(everyMs);
  }
}

/** Whether the built widget in `dist` is complete: the loader and every file Vite's manifest names. */
function complete(dist: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(dist, 'widget/manifest.json'), 'utf8'));
    const files = ['widget.js', ...Object.values(manifest).map((c) => (c as { file: string }).file)];
    return (
      files.every((f) => existsSync(join(dist, 'widget', f))) && existsSync(join(dist, 'demo/index.html'))
    );
  } catch {
    return false;
  }
}

/** Whether the admin build in `dir` is whole: its page and every asset the page names. */
function adminComplete(dir: string): boolean {
  const page = join(dir, 'index.html');
  if (!existsSync(page)) return false;
  const assets = [...readFileSync(page, 'utf8').matchAll(/\/admin\/(assets\/[^"]+)"/g)].map(
    (m) => m[1] ?? '',
  );
  return assets.length > 0 && assets.every((a) => existsSync(join(dir, a)));
}

/** Runs `vite build --mode <target>` for each target unless `marker` (a built file) exists. */
function buildIfMissing(marker: string, ...targets: string[]): void {
  if (existsSync(join(ROOT, 'dist', marker))) return;
  for (const target of targets) {
    const run = spawnSync('npx', ['vite', 'build', '--mode', target], { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`the ${target} build failed:\n${run.stdout}\n${run.stderr}`);
  }
}

/**
 * Builds what is missing, then copies `dist/widget`, `dist/demo` (and `dist/admin` when `admin`) into
 * `into`: the tests serve that copy, so a rebuild running in parallel (which empties `dist` folders
 * first) cannot pull files from under a test.
 */
export async function snapshotDist(into: string, { admin = false } = {}): Promise<void> {
  const dist = join(ROOT, 'dist');
  buildIfMissing('widget/widget.js', 'widget', 'demo');
  if (admin) buildIfMissing('admin/index.html', 'admin');
  const parts = admin ? ['widget', 'demo', 'admin'] : ['widget', 'demo'];
  for (let attempt = 0; ; attempt++) {
    rmSync(into, { recursive: true, force: true });
    mkdirSync(into, { recursive: true });
    try {
      for (const part of parts) cpSync(join(dist, part), join(into, part), { recursive: true });
      if (complete(into) && (!admin || adminComplete(join(into, 'admin')))) return;
    } catch {}
    if (attempt === 60) throw new Error('dist stayed incomplete for a minute (a build in progress?)');
    await sleep(1000);
  }
}

type Reply = { status: number; body: any };

/** A real Herald server process (`tsx server/main.ts`) on a free port, with its own SQLite file. */
export type HeraldServer = {
  /** `http://127.0.0.1:PORT` */
  base: string;
  /** What the process printed, for failure messages. */
  output: string[];
  /** Calls the admin API with the bearer token; JSON in, parsed JSON out. */
  api(method: string, path: string, body?: unknown): Promise<Reply>;
  stop(): Promise<void>;
};

/**
 * Starts the server (with `edge`, the Worker in workerd) in its own process group (npx, tsx and node, so one signal reaches them all) on a
 * temp SQLite database, serving a snapshot of the built widget (and admin page, with `admin`), and waits
 * until `/healthz` answers. `env` adds variables (say `HERALD_ADMIN_EMAIL` and `HERALD_ADMIN_PASSWORD`).
 */
export async function startHerald(
  env: Record<string, string> = {},
  { admin = false, edge = false } = {},
): Promise<HeraldServer> {
  const dir = mkdtempSync(join(tmpdir(), 'herald-browser-'));
  await snapshotDist(join(dir, 'dist'), { admin });
  const started = edge
    ? // The Worker in workerd (`npm run dev:edge`: wrangler builds and serves it with `dist/` as its assets)
      // on a local D1 in this test's folder.
      spawnHerald(
        { HERALD_API_TOKEN: API_TOKEN, HERALD_DEMO: 'off', HERALD_EDGE_STATE: join(dir, 'd1'), ...env },
        { script: 'scripts/dev-edge.mjs', timeoutMs: 180_000 },
      )
    : spawnHerald({
        DATABASE_URL: `sqlite:${join(dir, 'herald.db')}`,
        HERALD_API_TOKEN: API_TOKEN,
        HERALD_DIST_DIR: join(dir, 'dist'),
        ...env,
      });
  const herald = await started.catch((e) => {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  });
  const api = async (method: string, path: string, body?: unknown): Promise<Reply> => {
    const res = await fetch(`${herald.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${API_TOKEN}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return {
    base: herald.base,
    output: herald.output,
    api,
    async stop() {
      await herald.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A site created through the admin API. */
export type TestSite = { id: string; publicKey: string };

/** Fields of a new site beyond its name and origin (`attention: undefined` leaves the schema's default). */
export type SiteFields = Partial<z.input<typeof SiteInput>>;

/**
 * Creates a site that accepts `origin` and lets messages interrupt freely (tests show several in a row);
 * `fields` set or replace any other field.
 */
export async function createSite(
  herald: HeraldServer,
  name: string,
  origin: string,
  fields: SiteFields = {},
): Promise<TestSite> {
  const input: z.input<typeof SiteInput> = {
    name,
    allowedOrigins: [origin],
    attention: { maxPerDay: 100, minGapMinutes: 0 },
    ...fields,
  };
  const res = await herald.api('POST', '/api/sites', input);
  if (res.status !== 201)
    throw new Error(`creating a site failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, publicKey: res.body.publicKey };
}

/** A message as the admin API takes it; what is left out gets the schema's defaults. */
export type MessageDraft = z.input<typeof MessageInput>;

type Copy = { title: string; body?: string; cta?: { label: string; url: string } };

/**
 * An English announcement in the `display` frame, named by its title; `more` sets any other field.
 *
 * @example announcement({ style: 'modal' }, { title: 'New' }, { audience: { city: 'Austin' } })
 */
export function announcement(
  display: MessageDraft['display'],
  copy: Copy,
  more: Partial<MessageDraft> = {},
): MessageDraft {
  return { kind: 'announcement', name: copy.title, display, content: { en: { body: '', ...copy } }, ...more };
}

/**
 * An English survey in the `display` frame asking `question` on `survey`'s scale, named by its question;
 * `more` sets any other field.
 *
 * @example surveyDraft({ style: 'slideout' }, 'How was it?', { scale: 'stars5' }, { trigger: onEvent('rate') })
 */
export function surveyDraft(
  display: MessageDraft['display'],
  question: string,
  survey: NonNullable<MessageDraft['survey']>,
  more: Partial<MessageDraft> = {},
): MessageDraft {
  return {
    kind: 'survey',
    name: question,
    display,
    content: { en: { title: question, body: '' } },
    survey,
    ...more,
  };
}

/**
 * An English tooltip below `anchor`, named by its title, on the page `path` only; `more` sets any other field.
 *
 * @example tooltipDraft('#reserve', { title: 'New', body: 'Hold a scooter.' }, '/app/tooltip')
 */
export function tooltipDraft(
  anchor: string,
  copy: Copy,
  path: string,
  more: Partial<MessageDraft> = {},
): MessageDraft {
  return {
    kind: 'tooltip',
    name: copy.title,
    display: { anchor, placement: 'bottom' },
    content: { en: { body: '', ...copy } },
    pages: { include: [path], exclude: [] },
    ...more,
  };
}

/** The trigger of a message that `Herald.track(event)` shows. */
export const onEvent = (event: string) => ({ on: 'event' as const, event, delayMs: 0 });

/** A user in Austin, where the tests' audiences and pilot phases point. */
export const inAustin = (id: string) => ({ id, traits: { city: 'Austin' } });

/** Creates a message on the site and publishes it; returns its id. */
export async function publishMessage(herald: HeraldServer, site: TestSite, draft: MessageDraft) {
  const created = await herald.api('POST', `/api/sites/${site.id}/messages`, draft);
  if (created.status !== 201)
    throw new Error(`creating "${draft.name}" failed: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  const published = await herald.api('POST', `/api/messages/${id}/publish`);
  if (published.status !== 200) throw new Error(`publishing "${draft.name}" failed: ${published.status}`);
  return id;
}

/** One response as `/api/messages/:id/responses` lists it. */
export type ResponseRow = { value: number | null; text: string | null; userId: string | null };

/** A message's results and its individual responses, as the admin API reports them. */
export async function resultsOf(herald: HeraldServer, messageId: string) {
  const results = await herald.api('GET', `/api/messages/${messageId}/results`);
  const responses = await herald.api('GET', `/api/messages/${messageId}/responses`);
  return { results: results.body, responses: responses.body.responses as ResponseRow[] };
}

/**
 * A message's results and responses once its `count` is above zero: what a test waits for after the widget
 * sent an event (the widget sends in the background, so the server has it a moment later).
 *
 * @example const { results, responses } = await resultsOnce(env.herald, survey, 'responses')
 */
export function resultsOnce(
  herald: HeraldServer,
  messageId: string,
  count: 'impressions' | 'clicks' | 'dismissals' | 'responses',
) {
  return poll(`${count} of ${messageId} on the server`, async () => {
    const r = await resultsOf(herald, messageId);
    return r.results[count] > 0 ? r : undefined;
  });
}
