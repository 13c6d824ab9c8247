/** Waits `ms` on a timer of the caller's own request (what keeps workerd from calling the wait a hang). */
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A holder of `turns()`; `end` gives the turn back (a holder taken over as stale ends nobody's turn). */
export type Turn = { end(): void };

/**
 * One holder at a time within a Worker isolate, with no promise shared between requests. workerd cancels a
 * request that awaits a promise another request made ("the Worker's code had hung"), so the usual lock — a
 * chain of promises each waiter awaits — cannot serve concurrent requests there. Here a waiter polls on its
 * own timer until the turn is free. A holder whose request was cancelled never ends its turn; after
 * `staleMs` the next waiter takes it over.
 *
 * @example const turn = await lock.take(); try { await work() } finally { turn.end() }
 */
export function turns(options: { pollMs?: number; staleMs?: number } = {}) {
  const pollMs = options.pollMs ?? 2;
  const staleMs = options.staleMs ?? 30_000;
  let holder: { since: number } | null = null;
  return {
    async take(): Promise<Turn> {
      while (holder !== null && Date.now() - holder.since < staleMs) await sleep(pollMs);
      const mine = { since: Date.now() };
      holder = mine;
      return {
        end() {
          if (holder === mine) holder = null;
        },
      };
    },
  };
}

/**
 * Resolves once `done()` is true, looking on the caller's own timer: how a request waits for work another
 * request started (a webhook delivery, the queue of rollout checks). Not by awaiting that work's promise:
 * workerd cancels a waiter with no I/O of its own as hung, and drops the continuations of a promise whose
 * request has ended. The work itself sets what `done` reads. Elsewhere it costs at most `pollMs`, on
 * background paths only.
 */
export async function until(done: () => boolean, pollMs = 5): Promise<void> {
  while (!done()) await sleep(pollMs);
}
