import { describe, expect, it } from 'vitest';
import { ResultsSummary } from '../schema/results.ts';
import { emptyCounts, nps, rate, rating, summarize } from './results.ts';

describe('rate', () => {
  it.each<[string, number, number, number | null]>([
    ['is unknown (null) when there is nothing to divide by', 3, 0, null],
    ['is unknown (null) for nothing out of nothing', 0, 0, null],
    ['is 0 when none of many did it', 0, 5, 0],
    ['is the share of the whole', 1, 4, 0.25],
    ['is 1 when all did it', 7, 7, 1],
  ])('%s', (_name, part, whole, expected) => {
    expect(rate(part, whole)).toBe(expected);
  });
});

describe('rating', () => {
  it('averages the values weighted by how many gave each', () => {
    const r = rating({ '5': 3, '4': 1, '1': 1 });
    expect(r.count).toBe(5);
    expect(r.average).toBeCloseTo((5 * 3 + 4 + 1) / 5, 10);
  });

  it('returns the distribution as given', () => {
    expect(rating({ '1': 2, '5': 8 }).distribution).toEqual({ '1': 2, '5': 8 });
  });

  it('returns a copy of the distribution, not the caller’s object', () => {
    const values = { '3': 1 };
    const r = rating(values);
    r.distribution['3'] = 99;
    expect(values).toEqual({ '3': 1 });
  });

  it('has no average and a zero count without responses', () => {
    expect(rating({})).toEqual({ average: null, count: 0, distribution: {} });
  });

  it('reads a thumbs scale (0/1) as the share of thumbs up', () => {
    expect(rating({ '0': 1, '1': 3 }).average).toBe(0.75);
  });

  it('ignores values nobody gave', () => {
    expect(rating({ '1': 0, '4': 2 })).toMatchObject({ average: 4, count: 2 });
  });

  it('reads decimal values', () => {
    expect(rating({ '2.5': 2 }).average).toBe(2.5);
  });
});

describe('nps', () => {
  it('scores 5 promoters, 3 passives and 2 detractors as 30', () => {
    const values = { '10': 3, '9': 2, '8': 2, '7': 1, '6': 1, '0': 1 };
    expect(nps(values)).toEqual({ score: 30, promoters: 5, passives: 3, detractors: 2, count: 10 });
  });

  it.each<[string, Record<string, number>, number | null]>([
    ['is 100 when everyone is a promoter', { '9': 4, '10': 6 }, 100],
    ['is -100 when everyone is a detractor', { '0': 1, '3': 1, '6': 1 }, -100],
    ['is 0 when everyone is passive', { '7': 2, '8': 2 }, 0],
    ['is 0 when promoters and detractors balance', { '10': 2, '5': 2, '8': 1 }, 0],
    ['is rounded to one decimal (1 promoter, 2 passives → 33.3)', { '10': 1, '7': 2 }, 33.3],
    ['is rounded to one decimal (2 detractors of 3 → -66.7)', { '0': 2, '8': 1 }, -66.7],
    ['is unknown (null) without answers', {}, null],
  ])('%s', (_name, values, expected) => {
    expect(nps(values).score).toBe(expected);
  });

  it.each<[number, 'promoters' | 'passives' | 'detractors']>([
    [0, 'detractors'],
    [6, 'detractors'],
    [7, 'passives'],
    [8, 'passives'],
    [9, 'promoters'],
    [10, 'promoters'],
  ])('counts an answer of %i among the %s', (value, group) => {
    expect(nps({ [String(value)]: 1 })[group]).toBe(1);
  });
});

describe('summarize', () => {
  const counts = {
    impressions: 10,
    viewers: 8,
    clicks: 2,
    dismissals: 5,
    responses: 4,
    clickers: 2,
    dismissers: 4,
    values: { '5': 3, '3': 1 },
  };

  it('passes the raw counts through', () => {
    expect(summarize(counts, undefined)).toMatchObject({
      impressions: 10,
      viewers: 8,
      clicks: 2,
      dismissals: 5,
      responses: 4,
    });
  });

  it('gives every rate over viewers, each counted once', () => {
    const s = summarize(counts, 'stars5');
    expect(s.clickRate).toBe(2 / 8);
    expect(s.dismissRate).toBe(4 / 8);
    expect(s.responseRate).toBe(4 / 8);
  });

  it('reads 3 viewers, 4 impressions and 1 click as a third of viewers, not a quarter', () => {
    const s = summarize({ ...counts, impressions: 4, viewers: 3, clicks: 1, clickers: 1 }, undefined);
    expect(s.clickRate).toBeCloseTo(1 / 3, 9);
  });

  it('counts a viewer who clicked twice once in the click rate', () => {
    const s = summarize({ ...counts, impressions: 4, viewers: 2, clicks: 2, clickers: 1 }, undefined);
    expect(s.clickRate).toBe(0.5);
  });

  it('includes the rating summary', () => {
    expect(summarize(counts, 'stars5').rating).toEqual({
      average: 4.5,
      count: 4,
      distribution: { '5': 3, '3': 1 },
    });
  });

  it('gives NPS only for an NPS survey', () => {
    const values = { '10': 5, '8': 3, '2': 2 };
    expect(summarize({ ...counts, values }, 'nps').nps).toMatchObject({ score: 30, count: 10 });
    for (const scale of ['stars5', 'thumbs', 'emoji5', undefined] as const) {
      expect(summarize({ ...counts, values }, scale).nps).toBeNull();
    }
  });

  it('leaves every rate unknown for a message nobody has seen', () => {
    const s = summarize(emptyCounts(), 'nps');
    expect(s).toMatchObject({ clickRate: null, dismissRate: null, responseRate: null });
    expect(s.rating.average).toBeNull();
    expect(s.nps?.score).toBeNull();
  });

  it('produces a summary the schema accepts', () => {
    expect(ResultsSummary.safeParse(summarize(counts, 'nps')).success).toBe(true);
  });
});
