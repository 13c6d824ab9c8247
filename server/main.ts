import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { createApp } from './app.ts';
import { randomId } from './http/ids.ts';
import { limitsFromEnv } from './http/limits-env.ts';
import { folderAssets } from './node/assets.ts';
import { jsonLogger, logLevelFrom } from './node/logger.ts';
import { smtpMailer } from './node/mailer.ts';
import { nodeMetrics } from './node/metrics.ts';
import { nodePasswords } from './node/passwords.ts';
import { pgChanges } from './node/pg-changes.ts';
import { onStopSignal } from './node/shutdown.ts';
import { seedDemo } from './seed/demo.ts';
import { DEMO_KEY } from './seed/demo-content.ts';
import { seedDemoHistory } from './seed/demo-history.ts';
import { seedFirstAdmin } from './seed/first-admin.ts';
import { openStore } from './store/open-store.ts';
import type { QueueBounds } from './store/store.ts';

/** The only reader of process.env (CONVENTIONS #10): builds the real dependencies and serves. */
async function main(): Promise<void> {
  const env = process.env;
  const port = Number(env.PORT ?? 8787);
  const databaseUrl = env.DATABASE_URL ?? 'sqlite:./data/herald.db';
  const publicUrl = (env.HERALD_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  const logs = jsonLogger(logLevelFrom(env.HERALD_LOG_LEVEL));
  const log = logs.error;
  // Late-bound: the live cache's version is read from the app built below.
  let liveVersion = () => 0;
  const metrics = nodeMetrics({ queued: () => store.queued(), liveVersion: () => liveVersion() });
  const store = metrics.counting(await openStore(databaseUrl, queueBoundsFrom(env)));
  const seeded = await seedDemo(store, randomId, new Date());
  // Two weeks of simulated pilot traffic, so the demo release's report is not all zeros; tests that count
  // their own events on the demo site turn it off (HERALD_DEMO_HISTORY=off).
  const startedAt = performance.now();
  const history =
    seeded && env.HERALD_DEMO_HISTORY !== 'off' ? await seedDemoHistory(store, new Date()) : null;
  const seedMs = performance.now() - startedAt;
  const passwords = nodePasswords();
  await seedFirstAdmin(
    { store, passwords, ids: randomId, now: new Date(), print: (text) => console.log(text) },
    { email: env.HERALD_ADMIN_EMAIL, password: env.HERALD_ADMIN_PASSWORD },
  );
  // Behind a reverse proxy every request comes from the proxy, so sign-in limits per address would lock
  // everyone out together; HERALD_TRUST_PROXY=1 takes the address the proxy appended to X-Forwarded-For.
  const trustProxy = env.HERALD_TRUST_PROXY === '1' || env.HERALD_TRUST_PROXY === 'true';
  const clientIp = (c: Context) =>
    (trustProxy ? c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() : undefined) ||
    getConnInfo(c).remote.address;
  // With PostgreSQL, several instances may share the database: they tell each other what changed.
  const changes = databaseUrl.startsWith('postgres') ? await pgChanges(databaseUrl, log) : undefined;
  // Mail (the changelog digest) goes out only when SMTP is configured; the admin says so otherwise.
  const mailer = env.HERALD_SMTP_URL
    ? smtpMailer(
        env.HERALD_SMTP_URL,
        env.HERALD_MAIL_FROM ?? `Herald <herald@${new URL(publicUrl).hostname}>`,
      )
    : undefined;
  const app = createApp({
    mailer,
    store,
    changes,
    clock: () => new Date(),
    ids: randomId,
    log,
    apiToken: env.HERALD_API_TOKEN || undefined,
    publicUrl,
    assets: folderAssets(env.HERALD_DIST_DIR ?? 'dist'),
    passwords,
    clientIp,
    webhookRetryDelaysMs: env.HERALD_WEBHOOK_RETRY_MS?.split(',').map(Number).filter(Number.isFinite),
    limits: limitsFromEnv(env),
    // Safe here: with PostgreSQL every instance runs main.ts, so every writer shares the change feed.
    userStateCache: userStateCacheFrom(env.HERALD_USER_STATE_CACHE),
    observe(request) {
      metrics.observe(request);
      logs.request(request);
    },
    // HERALD_METRICS=off: no endpoint (say, where the scraper cannot send the token).
    metrics: env.HERALD_METRICS === 'off' ? undefined : metrics.text,
  });
  liveVersion = app.live.version;

  const server = serve({ fetch: app.fetch, port, hostname: env.HOST ?? '0.0.0.0' }, (info) => {
    console.log(
      `Herald is listening on ${publicUrl} (port ${info.port}), storage ${databaseUrl.split('://')[0]}`,
    );
    if (seeded) console.log(`Created the demo site; its public key is ${DEMO_KEY}`);
    if (history)
      console.log(
        `Seeded two weeks of demo traffic (${history.users} simulated users, ${history.events} events) in ${Math.round(seedMs)} ms; remove it from the demo release's page`,
      );
    console.log(`  Demo page   ${publicUrl}/demo`);
    console.log(`  Admin       ${publicUrl}/admin`);
    console.log(`  API docs    ${publicUrl}/docs`);
    console.log(`  Health      ${publicUrl}/healthz`);
    console.log(`  Changelog   ${publicUrl}/changelog/demo (when the demo site keeps its slug)`);
    if (!mailer) console.log('  Set HERALD_SMTP_URL to send the changelog email digest.');
    if (!env.HERALD_API_TOKEN)
      console.log('  Set HERALD_API_TOKEN to use the admin API with a bearer token.');
  });

  // Time-based gates (e.g. "72 h in phase") must fire even when no events arrive.
  const rolloutTimer = setInterval(() => {
    app.rollout.checkAll().catch((err) => log('rollout check failed', err));
  }, 60_000);
  // Digests go out on each site's schedule; a run is claimed in the database, so one instance sends it.
  const digestTimer = setInterval(() => {
    app.digests.runDue().catch((err) => log('digest run failed', err));
  }, 60_000);
  // Webhook notices wait in the outbox: retries come due, and a previous process may have left some.
  app.webhooks.wake();
  const outboxTimer = setInterval(() => app.webhooks.wake(), 1_000);

  // Stop accepting, answer what is in flight, then flush the write queues and close the stores.
  onStopSignal(
    server,
    async () => {
      clearInterval(rolloutTimer);
      clearInterval(outboxTimer);
      clearInterval(digestTimer);
      mailer?.close();
      await app.rollout.settled();
      await app.webhooks.stop();
      // The store first: flushing its queues may still announce user-state changes to other instances.
      await store.close();
      await changes?.close();
    },
    { info: (message) => logs.logger.info(message), error: log, flush: logs.flush },
  );
}

/**
 * HERALD_QUEUE_EVENTS and HERALD_QUEUE_USER_WRITES: how many events, and decide-path user writes, may wait
 * for the group commit before requests are answered 503 with Retry-After (unset: the store's defaults).
 */
function queueBoundsFrom(env: NodeJS.ProcessEnv): QueueBounds {
  const bound = (name: string) => {
    const value = env[name];
    if (value === undefined || value === '') return undefined;
    const max = Number(value);
    if (!Number.isInteger(max) || max < 1)
      throw new Error(`${name} must be a whole number ≥ 1, got ${value}`);
    return max;
  };
  const events = bound('HERALD_QUEUE_EVENTS');
  const userWrites = bound('HERALD_QUEUE_USER_WRITES');
  return {
    ...(events === undefined ? {} : { maxQueuedEvents: events }),
    ...(userWrites === undefined ? {} : { maxQueuedUserWrites: userWrites }),
  };
}

/** HERALD_USER_STATE_CACHE: how many recent user states to keep in memory (default 100,000; 0 turns it off). */
function userStateCacheFrom(value: string | undefined): { max: number } | undefined {
  if (value === undefined || value === '') return { max: 100_000 };
  const max = Number(value);
  if (!Number.isInteger(max) || max < 0)
    throw new Error(`HERALD_USER_STATE_CACHE must be a whole number, got ${value}`);
  return max === 0 ? undefined : { max };
}

main().catch((err) => {
  console.error('[herald] failed to start:', err);
  process.exit(1);
});
