import { describe, expect, it } from 'vitest';
import type { Event } from '../../server/schema/events.ts';
import { toBatches } from './batches.ts';

const event = (i: number, text = ''): Event => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  type: 'response',
  messageId: 'msg_1',
  text,
  at: '2026-11-26T10:00:00.000Z',
  user: { anonymousId: 'a_1' },
});

const bodyBytes = (events: Event[]) =>
  new TextEncoder().encode(JSON.stringify({ site: 'pk_demo', events })).length;

describe('toBatches', () => {
  it('keeps each body under 32 KB of UTF-8, counting multi-byte characters', () => {
    const events = Array.from({ length: 40 }, (_, i) => event(i, 'ü€😀'.repeat(400)));
    const batches = toBatches(events);
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) expect(bodyBytes(batch)).toBeLessThanOrEqual(32_768);
    expect(batches.flat()).toEqual(events);
  });

  it('puts at most 100 events in a batch', () => {
    const batches = toBatches(Array.from({ length: 250 }, (_, i) => event(i)));
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
  });

  it('sends an event too big for a batch on its own', () => {
    const big = event(1, 'x'.repeat(40_000));
    expect(toBatches([event(0), big, event(2)]).map((b) => b.length)).toEqual([1, 1, 1]);
  });

  it('makes no batch of nothing', () => {
    expect(toBatches([])).toEqual([]);
  });
});
