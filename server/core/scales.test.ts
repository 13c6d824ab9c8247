import { describe, expect, it } from 'vitest';
import table from '../../test/cases/scales.json';
import type { SurveyScale } from '../schema/message.ts';
import { ratingProblem } from './scales.ts';

const cases = (table.cases as { scale: SurveyScale; value: number; ok: boolean }[]).map(
  (c) => [c.scale, c.value, c.ok] as const,
);

describe('ratingProblem', () => {
  it.each(cases)('%s takes %d: %s', (scale, value, ok) => {
    expect(ratingProblem({ scale, followUp: false }, value) === null).toBe(ok);
  });

  it('names the scale and its range', () => {
    expect(ratingProblem({ scale: 'nps', followUp: false }, 11)).toBe(
      'a nps rating is a whole number from 0 to 10',
    );
  });

  it('refuses a rating for a message without a survey', () => {
    expect(ratingProblem(undefined, 4)).toMatch(/not a survey/);
  });
});
