/**
 * Writes one caller's items and answers for them: called with the items of many callers at once, inside one
 * transaction, and returns one result per caller in the same order.
 */
export type Flush<T, R> = (batches: T[][]) => Promise<R[]>;

/** A queue in front of a `Flush`: `submit` resolves once the caller's items are committed. */
export interface GroupCommit<T, R> {
  submit(items: T[]): Promise<R>;
  /** Waits for everything queued to be flushed, then refuses new items. */
  close(): Promise<void>;
}

type Waiter<T, R> = { items: T[]; resolve: (result: R) => void; reject: (error: unknown) => void };

/**
 * Group commit: concurrent callers share one transaction (one fsync) instead of paying one each. While a
 * flush runs, new callers queue; the next flush takes all of them, up to `maxItems` items (a single larger
 * caller still goes alone). Each caller is answered only after its flush commits; if it fails, every caller
 * in it rejects, so nothing is half-acknowledged. Store-agnostic: SQLite and PostgreSQL pass their own flush.
 *
 * @example const events = groupCommit((batches) => db.transaction().execute((trx) => write(trx, batches)), { maxItems: 5000 })
 */
export function groupCommit<T, R>(flush: Flush<T, R>, options: { maxItems: number }): GroupCommit<T, R> {
  const queue: Waiter<T, R>[] = [];
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
    return batch;
  }

  async function run(batch: Waiter<T, R>[]): Promise<void> {
    try {
      const results = await flush(batch.map((w) => w.items));
      batch.forEach((w, i) => {
        const result = results[i];
        if (result === undefined) w.reject(new Error('group commit: flush returned too few results'));
        else w.resolve(result);
      });
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }

  async function loop(): Promise<void> {
    // Let callers of the same tick join the first flush.
    await Promise.resolve();
    while (queue.length > 0) await run(take());
    // Synchronous with the last check of the queue, so no submit can slip in between.
    running = null;
  }

  return {
    submit(items) {
      if (closed) return Promise.reject(new Error('group commit: closed'));
      const done = new Promise<R>((resolve, reject) => queue.push({ items, resolve, reject }));
      running ??= loop();
      return done;
    },
    async close() {
      closed = true;
      await running;
    },
  };
}
