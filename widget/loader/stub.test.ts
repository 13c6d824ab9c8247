import { describe, expect, it, vi } from 'vitest';
import { drainQueue, type QueuedCall } from './stub.ts';

describe('drainQueue', () => {
  it('replays the calls the page made before the widget loaded, in order', () => {
    const calls: string[] = [];
    const api = {
      identify: (id: string) => calls.push(`identify ${id}`),
      track: (name: string) => calls.push(`track ${name}`),
    };
    drainQueue(
      [
        ['track', ['a']],
        ['identify', ['u_42']],
        ['track', ['b']],
      ],
      api,
    );
    expect(calls).toEqual(['track a', 'identify u_42', 'track b']);
  });

  it('skips unknown names and malformed entries without stopping', () => {
    const track = vi.fn();
    drainQueue([['nope', []], [] as unknown as QueuedCall, ['track', ['ok']]], { track });
    expect(track).toHaveBeenCalledWith('ok');
  });

  it('does nothing without a queue', () => {
    expect(() => drainQueue(undefined, {})).not.toThrow();
  });
});
