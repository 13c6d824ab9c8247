import { until } from '../edge/turns.ts';
import type { IdMaker } from '../http/ids.ts';
import type { NewNotice, Notice, Store } from '../store/store.ts';
import { postWebhook } from './webhook.ts';

/** How long one delivery attempt holds a notice; longer than a post may take (10 s), so never two at once. */
const CLAIM_MS = 15_000;

export type OutboxOptions = {
  store: Store;
  ids: IdMaker;
  /** Waits before each retry; the number of entries is the number of retries. */
  retryDelaysMs: number[];
  log: (message: string, detail?: unknown) => void;
  /** Lets tests and Workers pass their own; defaults to the global fetch. */
  fetch?: typeof fetch;
  /**
   * Wall-clock milliseconds. Retry waits and claims are real time between instances, not the app's domain
   * clock (which tests move by days).
   */
  now?: () => number;
};

/**
 * Delivers the webhook notices of the outbox: the first pending notice of each URL, so that a receiver gets
 * a release's transitions in the order they happened even when one needed retries; retried with the given
 * delays, then given up (kept as `failed`). Notices are rows written with the transition, so those pending
 * when a process dies are delivered by the next one; instances sharing a database claim each notice
 * before posting it, so none is posted twice at once.
 *
 * @example const outbox = outboxDeliverer({ store, ids, retryDelaysMs: [2000, 10000], log });
 *          await store.updateRelease(release, [outbox.notice(url, payload, release.version + 1)]); outbox.wake();
 */
export function outboxDeliverer(options: OutboxOptions) {
  const { store, log } = options;
  const now = options.now ?? Date.now;
  const iso = (ms: number) => new Date(ms).toISOString();
  let running: Promise<void> | null = null;
  let again = false;

  /** Claims and posts one notice; true when it went out. */
  async function attempt(notice: Notice): Promise<boolean> {
    const start = now();
    if (!(await store.claimNotice(notice.id, iso(start), iso(start + CLAIM_MS)))) return false;
    const attempts = notice.attempts + 1;
    try {
      await postWebhook(notice.url, notice.payload, options.fetch);
      await store.settleNotice(notice.id, { delivered: true });
      return true;
    } catch (err) {
      log(`webhook ${notice.url} failed (attempt ${attempts})`, err);
      const delay = options.retryDelaysMs[attempts - 1];
      const retryAt = delay === undefined ? null : iso(now() + delay);
      await store.settleNotice(notice.id, { delivered: false, retryAt, error: String(err) });
      if (retryAt === null) log(`webhook ${notice.url} gave up after ${attempts} attempts`);
      return false;
    }
  }

  /** Posts each URL's first notice if it is due; goes on while notices went out (the next may be due). */
  async function pass(): Promise<void> {
    for (;;) {
      const t = now();
      const due = firstPerUrl(await store.pendingNotices()).filter(
        (n) =>
          Date.parse(n.nextAttemptAt) <= t && (n.claimedUntil === null || Date.parse(n.claimedUntil) < t),
      );
      const sent = await Promise.all(due.map(attempt));
      if (!sent.includes(true)) return;
    }
  }

  /** Runs a pass, or another one right after the one running (something new may have been queued). */
  function deliver(): Promise<void> {
    if (running !== null) {
      again = true;
      return until(() => running === null);
    }
    // `running` is cleared by the run itself, not by a continuation another request could lose (Workers).
    const run = async () => {
      try {
        do {
          again = false;
          await pass();
        } while (again);
      } catch (err) {
        log('webhook delivery failed', err);
      } finally {
        running = null;
      }
    };
    running = run();
    return running;
  }

  return {
    /** A notice to queue with a transition; `seq` orders notices of the same millisecond. */
    notice(url: string, payload: unknown, seq: number): NewNotice {
      return { id: options.ids('ntc'), url, payload, createdAt: iso(now()), seq };
    },
    /** Delivers what is due now: after a transition, and on a timer (retries, notices left by a crash). */
    deliver,
    /** Starts a delivery without waiting for it. */
    wake(): void {
      void deliver();
    },
    /** Delivers until nothing is pending (waiting out retries): for tests. */
    async drain(): Promise<void> {
      for (;;) {
        await deliver();
        const pending = await store.pendingNotices();
        if (pending.length === 0) return;
        const next = Math.min(
          ...pending.map((n) => Math.max(Date.parse(n.nextAttemptAt), Date.parse(n.claimedUntil ?? '') || 0)),
        );
        // Looks again at least every 100 ms: a claim another instance holds usually ends long before it runs out.
        await new Promise((r) => setTimeout(r, Math.min(100, Math.max(5, next - now()))));
      }
    },
    /** Waits for the delivery under way, if any (shutdown); what is still pending stays in the outbox. */
    async stop(): Promise<void> {
      await running;
    },
  };
}

export type Outbox = ReturnType<typeof outboxDeliverer>;

/** The first notice of each URL, in the order given. */
function firstPerUrl(notices: Notice[]): Notice[] {
  const first = new Map<string, Notice>();
  for (const n of notices) if (!first.has(n.url)) first.set(n.url, n);
  return [...first.values()];
}
