import { describe, expect, it } from 'vitest';
import cases from '../../../test/cases/condition-problems.json';
import evalCases from '../../../test/cases/conditions.json';
import { conditionProblems } from './validate.ts';

/** [behaviour, condition, problems] — an empty list of problems means the condition may be saved. */
type Case = [string, unknown, string[]];

/** Evaluation cases that feed evalCondition a malformed condition on purpose say so in their names. */
const deliberatelyMalformed =
  /non-array|non-object|non-string|invalid|unknown|empty \$nor|mixing|saved-group/;

describe('conditionProblems', () => {
  it.each(cases as Case[])('%s', (_name, condition, problems) => {
    expect(conditionProblems(condition)).toEqual(problems);
  });

  it('accepts every evaluation case except the deliberately malformed ones', () => {
    const rejected = (evalCases as [string, unknown][])
      .filter(([, condition]) => conditionProblems(condition).length > 0)
      .map(([name]) => name);
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.filter((name) => !deliberatelyMalformed.test(name))).toEqual([]);
  });
});
