import { describe, expect, it, vi } from 'vitest';
import { commitPerCall, groupCommit, QueueFull } from './group-commit.ts';

/** A flush that records its batches and answers each caller with its item count. */
function recorder(fail?: (batches: number[][]) => boolean) {
  const flushes: number[][][] = [];
  const flush = async (batches: number[][]) => {
    flushes.push(batches);
    await new Promise((r) => setTimeout(r, 1));
    if (fail?.(batches)) throw new Error('disk full');
    return batches.map((b) => b.length);
  };
  return { flushes, flush };
}

describe('groupCommit', () => {
  it('flushes callers of the same tick together and answers each with its own result', async () => {
    const { flushes, flush } = recorder();
    const queue = groupCommit(flush, { maxItems: 100 });
    expect(await Promise.all([queue.submit([1]), queue.submit([2, 3]), queue.submit([4, 5, 6])])).toEqual([
      1, 2, 3,
    ]);
    expect(flushes).toEqual([[[1], [2, 3], [4, 5, 6]]]);
  });

  it('queues callers that arrive during a flush for the next one', async () => {
    const { flushes, flush } = recorder();
    const queue = groupCommit(flush, { maxItems: 100 });
    const first = queue.submit([1]);
    await vi.waitFor(() => expect(flushes).toHaveLength(1));
    const later = [queue.submit([2]), queue.submit([3])];
    await Promise.all([first, ...later]);
    expect(flushes).toEqual([[[1]], [[2], [3]]]);
  });

  it('bounds a flush by item count, but never splits one caller', async () => {
    const { flushes, flush } = recorder();
    const queue = groupCommit(flush, { maxItems: 3 });
    await Promise.all([
      queue.submit([1, 2]),
      queue.submit([3]),
      queue.submit([4, 5, 6, 7]),
      queue.submit([8]),
    ]);
    expect(flushes).toEqual([[[1, 2], [3]], [[4, 5, 6, 7]], [[8]]]);
  });

  it('rejects every caller of a failed flush and carries on with the next', async () => {
    const { flush } = recorder((batches) => batches.flat().includes(0));
    const queue = groupCommit(flush, { maxItems: 2 });
    const outcomes = await Promise.allSettled([queue.submit([1]), queue.submit([0]), queue.submit([7])]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
  });

  it('finishes queued work on close and refuses new work after', async () => {
    const { flush } = recorder();
    const queue = groupCommit(flush, { maxItems: 10 });
    const pending = queue.submit([1]);
    await queue.close();
    await expect(pending).resolves.toBe(1);
    await expect(queue.submit([2])).rejects.toThrow('closed');
  });

  it('refuses a caller that would take the waiting items past the bound, and takes it again once drained', async () => {
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const flushes: number[][][] = [];
    const queue = groupCommit(
      async (batches: number[][]) => {
        flushes.push(batches);
        await gate;
        return batches.map((b) => b.length);
      },
      { maxItems: 2, maxQueued: 3 },
    );
    const writing = queue.submit([1, 2]);
    await vi.waitFor(() => expect(flushes).toHaveLength(1));
    // [1, 2] is being written; three more items may wait, a fourth may not.
    const waiting = [queue.submit([3, 4]), queue.submit([5])];
    expect(queue.depth()).toBe(5);
    const refused = queue.submit([6]);
    await expect(refused).rejects.toBeInstanceOf(QueueFull);
    await expect(refused).rejects.toMatchObject({ retryAfterMs: expect.any(Number) });
    release();
    expect(await Promise.all([writing, ...waiting])).toEqual([2, 2, 1]);
    expect(queue.depth()).toBe(0);
    expect(await queue.submit([6])).toBe(1);
    // The refused item was never handed to the flush.
    expect(flushes.flat(2).filter((n) => n === 6)).toEqual([6]);
  });

  it('always takes a caller into an empty queue, even one larger than the bound', async () => {
    const { flush } = recorder();
    const queue = groupCommit(flush, { maxItems: 100, maxQueued: 2 });
    expect(await queue.submit([1, 2, 3, 4, 5])).toBe(5);
  });
});

describe('commitPerCall (Workers)', () => {
  it('writes each caller in a flush of its own, so no caller waits on work another started', async () => {
    const { flushes, flush } = recorder();
    const queue = commitPerCall(flush, { maxItems: 100 });
    expect(await Promise.all([queue.submit([1]), queue.submit([2, 3])])).toEqual([1, 2]);
    expect(flushes).toEqual([[[1]], [[2, 3]]]);
    expect(queue.depth()).toBe(0);
  });

  it('refuses a caller past the bound with QueueFull and writes nothing of it; a failed flush rejects only its caller', async () => {
    const { flushes, flush } = recorder((batches) => batches[0]?.[0] === 13);
    const queue = commitPerCall(flush, { maxItems: 100, maxQueued: 3 });
    const first = queue.submit([1, 2]);
    await expect(queue.submit([3, 4])).rejects.toBeInstanceOf(QueueFull);
    expect(await first).toBe(2);
    await expect(queue.submit([13])).rejects.toThrow('disk full');
    expect(await queue.submit([5])).toBe(1);
    expect(flushes).toEqual([[[1, 2]], [[13]], [[5]]]);
  });
});
