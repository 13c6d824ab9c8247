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
