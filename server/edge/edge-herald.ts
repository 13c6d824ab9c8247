import { Kysely } from 'kysely';
import { createApp, type HeraldApp } from '../app.ts';
import type { AppDeps } from '../deps.ts';
import { randomId } from '../http/ids.ts';
import { limitsFromEnv } from '../http/limits-env.ts';
import { pbkdf2Passwords } from '../http/pbkdf2-passwords.ts';
import { seedDemo } from '../seed/demo.ts';
import { seedFirstAdmin } from '../seed/first-admin.ts';
import { createKyselyStore } from '../store/kysely-store.ts';
import { sqliteTraitText } from '../store/sqlite-trait-text.ts';
import type { Store } from '../store/store.ts';
import type { Tables } from '../store/tables.ts';
import { type AssetFetcher, assetBinding } from './asset-binding.ts';
import { type D1Like, d1Dialect } from './d1-dialect.ts';
import { liveVersions, type PolledChangeFeed } from './live-versions.ts';
import { turns } from './turns.ts';

/** The Worker's bindings and vars (`wrangler.jsonc`; secrets and `--var` for the HERALD_* settings). */
export type EdgeEnv = {
  DB: D1Like;
  ASSETS?: AssetFetcher;
  HERALD_API_TOKEN?: string;
  HERALD_ADMIN_EMAIL?: string;
  HERALD_ADMIN_PASSWORD?: string;
  HERALD_PUBLIC_URL?: string;
  /** `off`: no demo site on a fresh database. */
  HERALD_DEMO?: string;
  HERALD_LIMIT_ADDRESS_PER_MINUTE?: string;
  HERALD_LIMIT_SITE_PER_MINUTE?: string;
  HERALD_LIMIT_NEW_USERS_PER_MINUTE?: string;
};

/** The parts of Workers' `ExecutionContext` used here. */
export type WaitUntil = { waitUntil(promise: Promise<unknown>): void };

/** One isolate's Herald: the app, its store and change feed, and what must finish before a request ends. */
export type EdgeHerald = {
  /**
   * Answers a request: once the database is ready and this isolate's cached sites are fresh. The answer
   * goes out as soon as it is made (an event batch once stored); what it leaves running (automatic rollout
   * checks, webhook notices, the change-version bump) finishes under `ctx.waitUntil`.
   */
  handle(request: Request, ctx: WaitUntil): Promise<Response>;
  app: HeraldApp;
  store: Store;
  changes: PolledChangeFeed;
  /**
   * Migrates and seeds the database, once per isolate: the first request that finds it not done does it,
   * concurrent ones wait their turn (no request awaits another's promise: workerd cancels that). A failure
   * leaves it not done, for the next request to try again.
   */
  ready(): Promise<void>;
  /** The work a request leaves behind (rollout checks, webhook notices, version bumps), for `waitUntil`. */
  background(): Promise<void>;
};

/** How often an isolate checks whether another changed a site (one D1 read). */
const VERSION_CHECK_MS = 1_000;

/**
 * Herald wired for Cloudflare Workers, from the Worker's `env`: the same `createApp`, routes and core as the
 * Node server, on D1 (the SQLite store's Kysely queries and migrations through `d1Dialect`), with Web
 * Crypto passwords, rate limits in D1, a polled change feed instead of LISTEN/NOTIFY, and the built files
 * from the static-assets binding. `overrides` replace dependencies (tests: a clock they move); without
 * `seed`, a fresh database stays empty (tests), as `testApp`'s does.
 *
 * @example const herald = edgeHerald(env); await herald.ready(); return herald.app.fetch(request)
 */
export function edgeHerald(
  env: EdgeEnv,
  overrides: Partial<AppDeps> = {},
  options: { seed?: boolean } = {},
): EdgeHerald {
  const db = new Kysely<Tables>({ dialect: d1Dialect(env.DB) });
  const store = createKyselyStore(db, {
    lockStateRows: false,
    traitText: sqliteTraitText,
    maxEventsPerCommit: 500,
    commits: 'per-call',
  });
  const changes = liveVersions(db as Kysely<unknown>, { everyMs: VERSION_CHECK_MS, now: Date.now });
  const deps: AppDeps = {
    store,
    changes,
    clock: () => new Date(),
    ids: randomId,
    log: (message, detail) => console.error(`[herald] ${message}`, detail ?? ''),
    apiToken: env.HERALD_API_TOKEN || undefined,
    publicUrl: (env.HERALD_PUBLIC_URL ?? 'http://localhost:8788').replace(/\/$/, ''),
    passwords: pbkdf2Passwords(),
    // Cloudflare puts the client's address in this header; nothing else can set it at the edge.
    clientIp: (c) => c.req.header('cf-connecting-ip'),
    limits: limitsFromEnv(env),
    isolatedRequests: true,
    ...(env.ASSETS ? { assets: assetBinding(env.ASSETS) } : {}),
    ...overrides,
  };
  const app = createApp(deps);
  const preparing = turns();
  let prepared = false;
  const ready = async () => {
    if (prepared) return;
    const turn = await preparing.take();
    try {
      if (!prepared) await prepare(deps, env, options.seed ?? true);
      prepared = true;
    } finally {
      turn.end();
    }
  };
  // In order: the rollout checks a request queued may wake a webhook delivery and bump the change version,
  // and the request's context must live until those finish too (Workers cancel I/O left running after).
  const background = async () => {
    await app.rollout.settled();
    await app.webhooks.deliver();
    await changes.settled();
  };
  return {
    app,
    store,
    changes,
    ready,
    background,
    async handle(request, ctx) {
      await ready();
      await changes.refresh();
      const response = await app.fetch(request);
      ctx.waitUntil(background());
      return response;
    },
  };
}

/**
 * Migrates D1 and seeds a fresh database (the demo site, the first admin), as `npm start` does. Each
 * isolate runs it once; migrations already applied are skipped by Kysely's table of them, and a second
 * isolate racing the first simply tries again once it has finished.
 */
async function prepare(deps: AppDeps, env: EdgeEnv, seed: boolean): Promise<void> {
  await deps.store.migrate().catch(() => deps.store.migrate());
  if (!seed) return;
  const now = deps.clock();
  if (env.HERALD_DEMO !== 'off') await seedDemo(deps.store, deps.ids, now);
  await seedFirstAdmin(
    { store: deps.store, passwords: deps.passwords, ids: deps.ids, now, print: (text) => console.log(text) },
    { email: env.HERALD_ADMIN_EMAIL, password: env.HERALD_ADMIN_PASSWORD },
  );
}
