import { describe, expect, it } from 'vitest';
import type { SurveyScale } from '../schema/message.ts';
import { ratingProblem } from './scales.ts';

const cases: [SurveyScale, number, boolean][] = [
  ['stars5', 1, true],
  ['stars5', 5, true],
  ['stars5', 0, false],
  ['stars5', 6, false],
  ['stars5', 1000, false],
  ['stars5', 3.5, false],
  ['emoji5', 3, true],
  ['emoji5', -1, false],
  ['thumbs', 0, true],
  ['thumbs', 1, true],
  ['thumbs', 2, false],
  ['nps', 0, true],
  ['nps', 10, true],
  ['nps', 11, false],
];

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
