import type { AudienceEstimate } from '../../server/schema/insights.ts';
import { estimateText } from '../audience/audience-fields.tsx';
import { ConfirmButton } from '../forms/confirm-button.tsx';
import type { MessageEditor } from './message-editor.ts';
import { releaseHold } from './publish-note.ts';

/** What publishing does, in words: nobody while its release holds it back, else who its audience matches. */
function publishText(
  hold: string | null,
  estimate: AudienceEstimate | null,
  followsRelease: boolean,
): string {
  if (hold) return `It goes live, but ${hold[0]?.toLowerCase()}${hold.slice(1)}`;
  const who = estimateText(estimate) || 'The estimate of its audience is not available yet.';
  return followsRelease
    ? `${who} Only those its release has reached see it.`
    : `${who} Those who match may see it from now on.`;
}

/**
 * Publish, which reaches people: asks first and says how many known users its audience matches (the
 * editor's own estimate, kept current as the audience changes), or that its release holds it back.
 */
export function PublishButton({ ed }: { ed: MessageEditor }) {
  const releaseId = ed.draft.value.releaseId ?? null;
  const hold = releaseHold(releaseId, ed.releases.value);
  return (
    <ConfirmButton
      tone="widen"
      label="Publish"
      title="Publish this message?"
      message={<p role="status">{publishText(hold, ed.estimate.result.value, releaseId !== null)}</p>}
      confirmLabel="Publish now"
      disabled={ed.busy.value}
      onConfirm={() => ed.act('publish')}
    />
  );
}
