import { describe, expect, it, vi } from 'vitest';
import { batch, signal } from './signal.ts';

describe('signal', () => {
  it('calls a subscriber at once with the value, then after every change', () => {
    const s = signal(1);
    const fn = vi.fn();
    s.subscribe(fn);
    s.value = 2;
    expect(s.value).toBe(2);
    expect(fn.mock.calls).toEqual([[1], [2]]);
  });

  it('tells no one when the value set is the same', () => {
    const list = [1];
    const s = signal(list);
    const fn = vi.fn();
    s.subscribe(fn);
    s.value = list;
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('stops calling a subscriber that unsubscribed', () => {
    const s = signal('a');
    const fn = vi.fn();
    const stop = s.subscribe(fn);
    stop();
    s.value = 'b';
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('calls a subscriber of several signals set in one batch once, after the batch', () => {
    const a = signal(0);
    const b = signal(0);
    const draw = vi.fn();
    a.subscribe(draw);
    b.subscribe(draw);
    draw.mockClear();
    batch(() => {
      a.value = 1;
      b.value = 2;
      a.value = 3;
      expect(draw).not.toHaveBeenCalled();
    });
    expect(draw).toHaveBeenCalledTimes(1);
  });

  it('holds calls back until the outermost batch ends, with the latest value', () => {
    const s = signal(0);
    const fn = vi.fn();
    s.subscribe(fn);
    batch(() => {
      batch(() => {
        s.value = 1;
      });
      expect(fn).toHaveBeenCalledTimes(1);
      s.value = 2;
    });
    expect(fn.mock.calls).toEqual([[0], [2]]);
  });
});
