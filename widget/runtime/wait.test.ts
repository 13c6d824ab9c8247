import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sleep, waitFor } from './wait.ts';

describe('waitFor', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.replaceChildren();
  });
  afterEach(() => vi.useRealTimers());

  it('finds an element that is already there', async () => {
    document.body.innerHTML = '<button id="reserve">Reserve</button>';
    await expect(waitFor('#reserve', new AbortController().signal)).resolves.toBe(
      document.getElementById('reserve'),
    );
  });

  it('waits for an element inserted two seconds later', async () => {
    const found = waitFor('#reserve', new AbortController().signal);
    await vi.advanceTimersByTimeAsync(2000);
    const button = Object.assign(document.createElement('button'), { id: 'reserve' });
    document.body.append(button);
    await vi.advanceTimersByTimeAsync(0);
    await expect(found).resolves.toBe(button);
  });

  it('gives up with null after ten seconds', async () => {
    const found = waitFor('#never', new AbortController().signal);
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(found).resolves.toBeNull();
  });

  it('gives up with null when aborted, and on an invalid selector', async () => {
    const stop = new AbortController();
    const found = waitFor('#later', stop.signal);
    stop.abort();
    await expect(found).resolves.toBeNull();
    await expect(waitFor('#[', new AbortController().signal)).resolves.toBeNull();
  });
});

describe('sleep', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('never resolves once aborted', async () => {
    const stop = new AbortController();
    const done = vi.fn();
    sleep(100, stop.signal).then(done);
    stop.abort();
    await vi.advanceTimersByTimeAsync(200);
    expect(done).not.toHaveBeenCalled();
    sleep(100, new AbortController().signal).then(done);
    await vi.advanceTimersByTimeAsync(100);
    expect(done).toHaveBeenCalledOnce();
  });
});
