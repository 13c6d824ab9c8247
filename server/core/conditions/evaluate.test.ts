import { describe, expect, it } from 'vitest';
import cases from '../../../test/cases/conditions.json';
import type { Condition } from '../../schema/condition.ts';
import { evalCondition } from './evaluate.ts';

/** [behaviour, condition, traits, matches] — adapted from GrowthBook's sdk-js cases.json. */
type Case = [string, Condition, Record<string, unknown>, boolean];

describe('evalCondition', () => {
  it.each(cases as Case[])('%s', (_name, condition, traits, expected) => {
    expect(evalCondition(traits, condition)).toBe(expected);
  });

  it('never throws, even on malformed conditions', () => {
    const malformed = [{ $or: 1 }, { $and: [null] }, { a: { $regex: '(' } }, { a: { $elemMatch: 3 } }];
    for (const condition of malformed) expect(() => evalCondition({ a: ['x'] }, condition)).not.toThrow();
  });
});
