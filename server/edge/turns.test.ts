import { describe, expect, it } from 'vitest';
import { turns } from './turns.ts';

const tick = () => new Promise((r) => setTimeout(r, 3));

describe('turns', () => {
  it('lets one holder at a time in, in no fixed order but never two at once', async () => {
    const lock = turns({ pollMs: 1 });
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3, 4].map(async (n) => {
        const turn = await lock.take();
        inside++;
        most = Math.max(most, inside);
        await tick();
        order.push(n);
        inside--;
        turn.end();
      }),
    );
    expect(most).toBe(1);
    expect(order.sort()).toEqual([1, 2, 3, 4]);
  });

  it('takes over a turn held past staleMs, and the stale holder ending later frees nobody', async () => {
    const lock = turns({ pollMs: 1, staleMs: 20 });
    const stale = await lock.take();
    const next = await lock.take();
    stale.end();
    let third = false;
    const waiting = lock.take().then((turn) => {
      third = true;
      return turn;
    });
    await tick();
    expect(third).toBe(false);
    next.end();
    (await waiting).end();
    expect(third).toBe(true);
  });
});
