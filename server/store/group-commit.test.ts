import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit.ts';

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
    await Promise.resolve();
    await Promise.resolve();
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
});
