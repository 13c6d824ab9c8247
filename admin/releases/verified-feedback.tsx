import { useState } from 'preact/hooks';
import { useAdmin } from '../app/context.ts';
import { problemOf } from '../forms/form-errors.ts';
import type { createReleaseView } from './release-model.ts';

type ReleaseView = ReturnType<typeof createReleaseView>;

/** "12 of 34 answers (35%)": how much of the phase's feedback comes from users an identity token proved. */
export function verifiedShare(responses: number, verified: number): string {
  if (responses === 0) return 'No answers in this phase yet.';
  return `${verified} of ${responses} users who answered are verified (${Math.round((verified / responses) * 100)}%).`;
}

/**
 * How much of the feedback behind the gate and guardrails comes from verified users, a warning when the
 * site has identity verification off (then none can be), and the switch that makes the release count only
 * verified feedback. Why: an unverified id is the browser's word, so a team may not want it to steer.
 */
export function VerifiedFeedback({ v }: { v: ReleaseView }) {
  const { api, session } = useAdmin();
  const [problem, setProblem] = useState<string | null>(null);
  const r = v.release.value;
  const report = v.report.value;
  if (!r || !report) return null;
  const stats = report.phaseStats;
  const toggle = async (verifiedOnly: boolean) => {
    try {
      setProblem(null);
      await api.releases.update(r.id, { verifiedOnly });
      await v.refresh();
    } catch (e) {
      setProblem(problemOf(e).message);
    }
  };
  return (
    <section class="card" aria-labelledby="verified-title">
      <h2 id="verified-title">Verified feedback</h2>
      <p>{verifiedShare(stats.responses, stats.verifiedResponses ?? 0)}</p>
      {report.verification === 'off' && (
        <p role="note" class="verified-warning">
          This site has identity verification off: user ids come from the browser, so no feedback is verified.
          Turn it on in the site settings to tie feedback to users your backend signed.
        </p>
      )}
      <label>
        <input
          type="checkbox"
          checked={r.verifiedOnly === true}
          disabled={!session.canWrite.value}
          onChange={(e) => toggle(e.currentTarget.checked)}
        />{' '}
        Count only verified feedback in this release’s gate and guardrails
      </label>
      {problem && <p role="alert">{problem}</p>}
    </section>
  );
}
