import { useRef } from 'preact/hooks';
import type { Release, RolloutAction } from '../../server/schema/release.ts';
import type { ReleaseReport } from '../../server/schema/report.ts';
import { useAdmin } from '../app/context.ts';
import { ConfirmButton } from '../forms/confirm-button.tsx';
import { Alert } from '../forms/data-table.tsx';
import { LiveStatus } from '../forms/error-summary.tsx';
import { GuardrailList } from './pause-banner.tsx';
import type { ReleaseView } from './release-model.ts';
import { phaseText, ReleaseStatusBadge } from './release-status.tsx';
import { RollbackButton } from './rollback-button.tsx';
import { applicableActions } from './rollout-actions.ts';
import { WidenButton } from './widen-button.tsx';

/** The phases in order, the one in force marked as the current step, those before it as done. */
function PhaseSteps({ r }: { r: Release }) {
  const started = r.status !== 'draft';
  return (
    <ol class="phase-steps" aria-label="Phases">
      {r.phases.map((p, i) => {
        const here = started && (r.status === 'complete' || i === r.currentPhase);
        const done = started && i < r.currentPhase;
        return (
          <li
            key={`${i}-${p.name}`}
            class={done ? 'done' : undefined}
            aria-current={here ? 'step' : undefined}
          >
            {p.name} <span class="muted">· {p.percent}%</span>
            {done && <span class="sr-only"> (done)</span>}
          </li>
        );
      })}
    </ol>
  );
}

/** The auto-advance gate: the server's line, and each check marked met or not in words as well as colour. */
function Gate({ gate }: { gate: NonNullable<ReleaseReport['gate']> }) {
  return (
    <div class="gate">
      <p>
        <strong>Auto-advance gate:</strong> {gate.text}
        {gate.met ? ' — met; the release advances on its next check.' : ''}
      </p>
      <ul class="gate-checks" aria-label="Gate checks">
        {gate.checks.map((c) => (
          <li key={c.label} class={c.met ? 'met' : 'unmet'}>
            <span aria-hidden="true">{c.met ? '✓' : '○'}</span>
            {c.label}
            <span class="sr-only">{c.met ? ': met' : ': not met yet'}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Why no gate shows: none is set, or it only counts while the release is active with a phase to go. */
function noGate(r: Release): string {
  if (r.autoAdvance === null) return 'No auto-advance gate: phases advance by hand.';
  if (r.status === 'active') return 'This is the last phase: there is nothing to advance to.';
  return 'The auto-advance gate counts while the release is active.';
}

/**
 * Where the rollout stands (status, phases, the gate) and the actions that apply now, each announced in a
 * live region when done. Viewers see the state without the buttons.
 */
export function RolloutPanel({ v }: { v: ReleaseView }) {
  const { session } = useAdmin();
  const box = useRef<HTMLElement>(null);
  const r = v.release.value;
  if (!r) return null;
  const gate = v.report.value?.gate ?? null;
  const act = async (action: RolloutAction, reason?: string) => {
    await v.act(action, reason);
    // Once the panel has redrawn, the button pressed may be gone (Pause becomes Resume) and focus with it,
    // up to the page: bring it back into the panel. Focus the person moved elsewhere stays where it is.
    setTimeout(() => {
      const el = box.current;
      const at = document.activeElement;
      if (el && (at === null || (!el.contains(at) && at.contains(el))))
        (el.querySelector<HTMLElement>('.actions button') ?? el.querySelector<HTMLElement>('h2'))?.focus();
    }, 0);
  };
  return (
    <section class="card" aria-labelledby="rollout-title" ref={box}>
      <h2 id="rollout-title" tabIndex={-1}>
        Rollout
      </h2>
      <p>
        Status: <ReleaseStatusBadge status={r.status} /> · Current phase: <strong>{phaseText(r)}</strong>
      </p>
      <PhaseSteps r={r} />
      {gate ? <Gate gate={gate} /> : <p class="muted small">{noGate(r)}</p>}
      <GuardrailList r={r} />
      {session.canWrite.value && (
        <div class="actions">
          {applicableActions(r).map(({ action, label }) =>
            action === 'rollback' ? (
              <RollbackButton key={action} onConfirm={(reason) => act('rollback', reason)} />
            ) : action === 'complete' ? (
              <ConfirmButton
                key={action}
                label="Complete"
                title="Complete this release?"
                message="Every phase’s audience gets the feature and its messages, whatever the gate says."
                confirmLabel="Complete release"
                onConfirm={() => act('complete')}
              />
            ) : action === 'advance' || action === 'resume' ? (
              <WidenButton key={action} r={r} action={action} label={label} onConfirm={() => act(action)} />
            ) : (
              <button
                key={action}
                type="button"
                class="button"
                disabled={v.busy.value}
                onClick={() => act(action)}
              >
                {label}
              </button>
            ),
          )}
        </div>
      )}
      <Alert text={v.actionError.value} />
      <LiveStatus text={v.status.value} />
    </section>
  );
}
