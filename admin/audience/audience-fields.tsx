import type { AudienceEstimate } from '../../server/schema/insights.ts';
import type { FieldErrors } from '../forms/form-errors.ts';
import { AudienceBox } from './audience-box.tsx';
import type { AudienceEditor } from './audience-editor.ts';
import type { SegmentChoice } from './segment-item.tsx';

type Props = {
  ed: AudienceEditor;
  errors: FieldErrors;
  estimate: AudienceEstimate | null;
  segments: readonly SegmentChoice[];
};

/** The audience estimate in words, e.g. "58 of 240 known users match (24%)." */
export function estimateText(e: AudienceEstimate | null): string {
  if (!e) return '';
  if (e.known === 0) return 'No known users yet to estimate from.';
  const pct = Math.round((e.matching / e.known) * 100);
  // The audience matches more than the message reaches: its rollout or its release's phase holds them back.
  if (e.audience > e.matching)
    return `${e.matching} of ${e.known} known users would see it now (${pct}%); ${e.audience} match the audience, but its rollout or release does not reach the rest yet.`;
  return `${e.matching} of ${e.known} known users match (${pct}%).`;
}

/** Who may see the message (rows, saved segments or JSON), and how many known users match. */
export function AudienceFields({ ed, errors, estimate, segments }: Props) {
  return (
    <AudienceBox
      ed={ed}
      legend="Audience"
      path="audience"
      errors={errors}
      hint="Who may see this message, by user traits and saved segments."
      segments={segments}
    >
      <p class="estimate" role="status">
        {estimateText(estimate)}
      </p>
    </AudienceBox>
  );
}
