import type { HiddenReason } from '../../server/schema/reasons.ts';

const words: Record<HiddenReason, string> = {
  'not-live': 'The message is not live.',
  scheduled: 'Its schedule has not started yet.',
  expired: 'Its schedule has ended.',
  'page-excluded': 'The page rules leave out this page.',
  'not-in-audience': 'This user is not in the audience.',
  'outside-rollout': 'This user is outside the rollout percentage.',
  'release-inactive': 'Its release is not active.',
  'not-exposed': 'This user is not exposed to its release yet.',
  holdout: 'This user is in the release’s holdout.',
  'frequency-capped': 'This user has seen it as often as its frequency allows.',
  dismissed: 'This user dismissed it.',
  answered: 'This user already answered it.',
  'attention-budget': 'This user has had enough interruptions for now (attention budget).',
  'no-content': 'It has no content this user can read.',
};

/**
 * Why a message is hidden, in a sentence for a product manager (the code stays visible for support).
 *
 * @example reasonText('not-in-audience') // 'This user is not in the audience.'
 */
export function reasonText(reason: string | null): string {
  if (reason === null) return '';
  return words[reason as HiddenReason] ?? reason;
}
