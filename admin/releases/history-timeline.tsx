import type { Release, TransitionEntry } from '../../server/schema/release.ts';
import { when } from '../results/format.ts';
import { statusWord } from './release-status.tsx';

const BY: Record<TransitionEntry['by'], string> = {
  manual: 'by hand',
  guardrail: 'by a guardrail',
  'auto-advance': 'by auto-advance',
};

/** "by pm@example.com", or the rule that acted. */
const who = (e: TransitionEntry) => (e.by === 'manual' && e.actor ? `by ${e.actor}` : BY[e.by]);

/** "Draft → Active, phase “Pilot: Austin”" — the status change and, when it changed, the phase. */
function change(r: Release, e: TransitionEntry): string {
  const phase = (i: number) => r.phases[i]?.name ?? 'none';
  const status = `${statusWord(e.from)} → ${statusWord(e.to)}`;
  if (e.fromPhase === e.toPhase || e.fromPhase < 0) return `${status}, phase “${phase(e.toPhase)}”`;
  return `${status}, phase “${phase(e.fromPhase)}” → “${phase(e.toPhase)}”`;
}

/** Every transition of the release in order: when, from → to, by whom or which rule, and why. */
export function HistoryTimeline({ r }: { r: Release }) {
  return (
    <section class="card" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {r.history.length === 0 ? (
        <p>Nothing has happened yet: the release is a draft.</p>
      ) : (
        <ol class="timeline">
          {r.history.map((e, i) => (
            <li key={`${e.at}-${i}`} class={`by-${e.by}`}>
              <time dateTime={e.at}>{when(e.at)}</time> · <strong>{change(r, e)}</strong> · {who(e)}
              <p class="muted">{e.reason}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
