import type { Release } from '../../server/schema/release.ts';

const BY: Record<string, string> = {
  manual: 'by hand',
  guardrail: 'by a guardrail',
  'auto-advance': 'by the gate',
};

/**
 * The banner at the top of a paused release's page: why it paused, who paused it, and what to do now. The
 * reason used to sit in History at the bottom, where a pause a guardrail made went unnoticed.
 */
export function PauseBanner({ r }: { r: Release }) {
  if (r.status !== 'paused') return null;
  const pause = r.history.findLast((h) => h.to === 'paused');
  const phase = r.phases[r.currentPhase]?.name;
  return (
    <section class="pause-banner" aria-labelledby="pause-title">
      <h2 id="pause-title">This release is paused{phase ? ` in “${phase}”` : ''}</h2>
      {pause && (
        <p>
          Paused {BY[pause.by] ?? pause.by}
          {pause.actor ? ` (${pause.actor})` : ''} on {new Date(pause.at).toLocaleString()}: {pause.reason}.
        </p>
      )}
      <p>
        Its messages are hidden and the feature is off for users not exposed before. Read the ratings and
        comments in the report below; then Resume to continue the rollout, or Roll back to turn the feature
        off for everyone.
      </p>
    </section>
  );
}

/** The guardrails in words: what pauses the release by itself. */
export function GuardrailList({ r }: { r: Release }) {
  const g = r.guardrails;
  if (g === null) return <p>No guardrails: the release never pauses by itself.</p>;
  const checks = [
    g.minAverageRating !== undefined && `the average rating falls below ${g.minAverageRating}★`,
    g.maxDismissRate !== undefined &&
      `more than ${Math.round(g.maxDismissRate * 100)}% of impressions are dismissed`,
  ].filter((c): c is string => typeof c === 'string');
  return (
    <p>
      <strong>Guardrails:</strong> pauses by itself when{' '}
      {checks.length > 0 ? checks.join(', or when ') : 'a rule is broken'}, once {g.minResponses} responses
      are in.
    </p>
  );
}
