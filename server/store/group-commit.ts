/**
 * Writes one caller's items and answers for them: called with the items of many callers at once, inside one
 * transaction, and returns one result per caller in the same order.
 */
export type Flush<T, R> = (batches: T[][]) => Promise<R[]>;

/** A queue in front of a `Flush`: `submit` resolves once the caller's items are committed. */
export interface GroupCommit<T, R> {
  /** Rejects at once with `QueueFull` when the queue is at its bound; nothing of `items` is then written. */
  submit(items: T[]): Promise<R>;
  /** Items waiting or being written now (the queue depth a `/metrics` gauge shows). */
  depth(): number;
  /** Waits for everything queued to be flushed, then refuses new items. */
  close(): Promise<void>;
}

/**
 * The queue is at its bound: the caller should come back after `retryAfterMs` (an estimate: the time the
 * flushes ahead of it are expected to take). Routes answer it with 503 and `Retry-After`.
 */
export class QueueFull extends Error {
  constructor(readonly retryAfterMs: number) {
    super('group commit: queue full');
    this.name = 'QueueFull';
  }
}

/** Resolves on the next turn of the event loop, after pending I/O (setImmediate on Node, a timer elsewhere). */
const nextTurn = (): Promise<void> =>
  new Promise((resolve) =>
    typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0),
  );

type Waiter<T, R> = { items: T[]; resolve: (result: R) => void; reject: (error: unknown) => void };

/**
 * Group commit: concurrent callers share one transaction (one fsync) instead of paying one each. While a
 * flush runs, new callers queue; the next flush takes all of them, up to `maxItems` items (a single larger
 * caller still goes alone). Each caller is answered only after its flush commits; if it fails, every caller
 * in it rejects, so nothing is half-acknowledged. Store-agnostic: SQLite and PostgreSQL pass their own flush.
 *
 * Bounded: at most `maxQueued` items wait (besides the flush being written). A caller that would go past
 * it is refused with `QueueFull` instead of waiting, so an overload turns into quick 503s the clients
 * retry later, not into memory growth and answers that time out after the work was done. A caller alone
 * in an empty queue is always taken, however large, so no batch can be refused for ever.
 *
 * @example const events = groupCommit((batches) => db.transaction().execute((trx) => write(trx, batches)), { maxItems: 5000, maxQueued: 50_000 })
 */
export function groupCommit<T, R>(
  flush: Flush<T, R>,
  options: { maxItems: number; maxQueued?: number },
): GroupCommit<T, R> {
  const maxQueued = options.maxQueued ?? Number.POSITIVE_INFINITY;
  const queue: Waiter<T, R>[] = [];
  let queued = 0;
  let writing = 0;
  // How long the last flush took per item, for the Retry-After estimate (1 ms per item until measured).
  let msPerItem = 1;
  let running: Promise<void> | null = null;
  let closed = false;

  function take(): Waiter<T, R>[] {
    const batch: Waiter<T, R>[] = [];
    let size = 0;
    for (const next of queue) {
      if (batch.length > 0 && size + next.items.length > options.maxItems) break;
      batch.push(next);
      size += next.items.length;
    }
    queue.splice(0, batch.length);
    queued -= size;
    writing = size;
    return batch;
  }

  async function run(batch: Waiter<T, R>[]): Promise<void> {
    const started = performance.now();
    try {
      const results = await flush(batch.map((w) => w.items));
      msPerItem = (performance.now() - started) / Math.max(1, writing);
      batch.forEach((w, i) => {
        const result = results[i];
        if (result === undefined) w.reject(new Error('group commit: flush returned too few results'));
        else w.resolve(result);
      });
    } catch (error) {
      for (const w of batch) w.reject(error);
    } finally {
      writing = 0;
    }
  }

  async function loop(): Promise<void> {
    // Let every request already received join the first flush: a turn of the event loop, not a microtask,
    // because SQLite's driver is synchronous underneath and a flush never lets I/O in while it runs; so
    // requests that arrived during the last flush are read now, and wait in the queue (or meet its bound).
    await nextTurn();
    while (queue.length > 0) await run(take());
    // Synchronous with the last check of the queue, so no submit can slip in between.
    running = null;
  }

  return {
    submit(items) {
      if (closed) return Promise.reject(new Error('group commit: closed'));
      if (queued > 0 && queued + items.length > maxQueued) {
        return Promise.reject(new QueueFull((queued + writing) * msPerItem));
      }
      queued += items.length;
      const done = new Promise<R>((resolve, reject) => queue.push({ items, resolve, reject }));
      running ??= loop();
      return done;
    },
    depth: () => queued + writing,
    async close() {
      closed = true;
      await running;
    },
  };
}

/**
 * The same contract as `groupCommit`, but each caller's items are written by its own `flush`, in its own
 * call: for Cloudflare Workers, where a request may not wait on work another request started (workerd
 * cancels it), and D1 has no fsync of ours to share. Bounded the same way: past `maxQueued` items in
 * flight, a caller is refused with `QueueFull`.
 */
export function commitPerCall<T, R>(
  flush: Flush<T, R>,
  options: { maxItems: number; maxQueued?: number },
): GroupCommit<T, R> {
  const maxQueued = options.maxQueued ?? Number.POSITIVE_INFINITY;
  let inFlight = 0;
  let closed = false;
  return {
    async submit(items) {
      if (closed) throw new Error('group commit: closed');
      if (inFlight > 0 && inFlight + items.length > maxQueued) throw new QueueFull(inFlight);
      inFlight += items.length;
      try {
        const [result] = await flush([items]);
        if (result === undefined) throw new Error('group commit: flush returned too few results');
        return result;
      } finally {
        inFlight -= items.length;
      }
    },
    depth: () => inFlight,
    async close() {
      closed = true;
    },
  };
}

/** How a store commits concurrent writers' items: shared flushes (a server) or one each (a Worker). */
export type CommitStyle = 'grouped' | 'per-call';

/** The queue for `style`. */
export const commitQueue = <T, R>(style: CommitStyle = 'grouped') =>
  style === 'per-call' ? commitPerCall<T, R> : groupCommit<T, R>;
