import type { Survey, SurveyScale } from '../schema/message.ts';

/** The whole-number ratings each survey scale offers (thumbs: 0 down, 1 up). */
export const SCALE_RANGE: Record<SurveyScale, { min: number; max: number }> = {
  stars5: { min: 1, max: 5 },
  emoji5: { min: 1, max: 5 },
  thumbs: { min: 0, max: 1 },
  nps: { min: 0, max: 10 },
};

/**
 * Why a rating cannot be an answer to this message, or null when it can: a message without a survey takes
 * no rating, and a survey only a whole number on its scale (a 1,000 on five stars would skew every average).
 *
 * @example ratingProblem({ scale: 'stars5', followUp: false }, 6) // 'a stars5 rating is a whole number from 1 to 5'
 */
export function ratingProblem(survey: Survey | undefined, value: number): string | null {
  if (survey === undefined) return 'this message is not a survey and takes no rating';
  const { min, max } = SCALE_RANGE[survey.scale];
  return Number.isInteger(value) && value >= min && value <= max
    ? null
    : `a ${survey.scale} rating is a whole number from ${min} to ${max}`;
}
