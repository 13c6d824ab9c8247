import { describe, expect, it } from 'vitest';
import type { Schedule } from '../schema/message.ts';
import { scheduleState } from './schedule.ts';

const START = '2026-11-26T10:00:00Z';
const END = '2026-11-27T10:00:00Z';
const at = (iso: string) => new Date(iso);
const ms = (iso: string, delta: number) => new Date(Date.parse(iso) + delta);

describe('scheduleState', () => {
  it.each<[string, Schedule, Date, 'before' | 'open' | 'after']>([
    [
      'is open when there is neither start nor end',
      { start: null, end: null },
      at('2000-01-01T00:00:00Z'),
      'open',
    ],
    ['is before until the start', { start: START, end: END }, ms(START, -1), 'before'],
    ['opens exactly at the start (start inclusive)', { start: START, end: END }, at(START), 'open'],
    ['is open between start and end', { start: START, end: END }, at('2026-11-26T18:00:00Z'), 'open'],
    ['is open up to the last millisecond before the end', { start: START, end: END }, ms(END, -1), 'open'],
    ['closes exactly at the end (end exclusive)', { start: START, end: END }, at(END), 'after'],
    ['is after once the end has passed', { start: START, end: END }, at('2027-01-01T00:00:00Z'), 'after'],
    ['with only a start, is before it', { start: START, end: null }, ms(START, -1), 'before'],
    [
      'with only a start, stays open for ever after it',
      { start: START, end: null },
      at('2099-01-01T00:00:00Z'),
      'open',
    ],
    [
      'with only an end, is open from the distant past',
      { start: null, end: END },
      at('1990-01-01T00:00:00Z'),
      'open',
    ],
    ['with only an end, closes at it', { start: null, end: END }, at(END), 'after'],
    [
      'reads offsets: 12:00+02:00 is 10:00Z, so 10:00Z is open',
      { start: '2026-11-26T12:00:00+02:00', end: null },
      at('2026-11-26T10:00:00Z'),
      'open',
    ],
    [
      'reads offsets: 12:00+02:00 is 10:00Z, so 09:59:59Z is before',
      { start: '2026-11-26T12:00:00+02:00', end: null },
      at('2026-11-26T09:59:59Z'),
      'before',
    ],
    [
      'reads offsets on the end: 05:00-05:00 is 10:00Z',
      { start: null, end: '2026-11-27T05:00:00-05:00' },
      at(END),
      'after',
    ],
    [
      'honours fractional seconds',
      { start: '2026-11-26T10:00:00.500Z', end: null },
      at('2026-11-26T10:00:00.499Z'),
      'before',
    ],
  ])('%s', (_name, schedule, now, expected) => {
    expect(scheduleState(schedule, now)).toBe(expected);
  });

  it('is never open when the end is not after the start', () => {
    const schedule = { start: START, end: START };
    for (const now of [ms(START, -1), at(START), ms(START, 1)]) {
      expect(scheduleState(schedule, now)).not.toBe('open');
    }
  });
});
