import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { inlineParameters } from './d1-dialect.ts';

/** What SQLite itself reads back from the inlined statement: the literals must mean the values. */
const roundTrip = (values: unknown[]) => {
  const sql = `select ${values.map(() => '?').join(', ')}`;
  return Object.values(
    new Database(':memory:').prepare(inlineParameters(sql, values)).raw().get() as unknown[],
  );
};

describe('inlineParameters (statements past D1’s 100 parameters)', () => {
  it('reads back every value as bound, quotes and injection attempts included', () => {
    const values = ["it's", "'); drop table events; --", '?', 'ünï€ode', 42, -1.5, null, 7n];
    expect(roundTrip(values)).toEqual([
      "it's",
      "'); drop table events; --",
      '?',
      'ünï€ode',
      42,
      -1.5,
      null,
      7,
    ]);
    expect(roundTrip([true, false])).toEqual([1, 0]);
  });

  it('leaves a ? inside a quoted string or name alone', () => {
    expect(inlineParameters(`select '?', "a?b" from t where x = ?`, ['v'])).toBe(
      `select '?', "a?b" from t where x = 'v'`,
    );
  });

  it('refuses a count of values that does not match the placeholders, and values SQLite cannot hold', () => {
    expect(() => inlineParameters('select ?, ?', [1])).toThrow();
    expect(() => inlineParameters('select ?', [Number.NaN])).toThrow();
    expect(() => inlineParameters('select ?', [{}])).toThrow();
  });
});
