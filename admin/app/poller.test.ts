import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPoller } from './poller.ts';

afterEach(() => vi.useRealTimers());

function fakeDocument() {
  const listeners: (() => void)[] = [];
  const doc = {
    hidden: false,
    addEventListener: (_: string, fn: () => void) => listeners.push(fn),
    removeEventListener: () => {},
  };
  const show = (hidden: boolean) => {
    doc.hidden = hidden;
    for (const fn of listeners) fn();
  };
  return { doc, show };
}

describe('poller', () => {
  it('runs at once, then every beat while visible, pauses while hidden and resumes at once', async () => {
    vi.useFakeTimers();
    const { doc, show } = fakeDocument();
    const task = vi.fn(async () => {});
    const poll = createPoller(task, 5000, doc as unknown as Document);
    poll.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(task).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(task).toHaveBeenCalledTimes(3);
    show(true);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(task).toHaveBeenCalledTimes(3);
    show(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(task).toHaveBeenCalledTimes(4);
    poll.stop();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(task).toHaveBeenCalledTimes(4);
  });
});
