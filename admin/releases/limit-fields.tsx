import { Fieldset } from '../forms/field.tsx';
import { CheckField, NumberField, TextField } from '../forms/inputs.tsx';
import type { ReleaseDraft } from './release-draft.ts';
import { ownError, type ReleaseForm } from './release-form.ts';

/** A rate 0–1 as the percentage a person types, without float noise (0.07 → 7, not 7.000000000000001). */
const asPercent = (rate: number | undefined) =>
  rate === undefined ? undefined : Math.round(rate * 1e4) / 100;

/**
 * What measures and steers the rollout: the holdout and goal event (activation lift), the guardrails that
 * pause it when feedback turns bad, and the gate that advances it by itself.
 */
export function LimitFields({ form }: { form: ReleaseForm }) {
  const d = form.draft.value;
  const errors = form.errors.value;
  const g = d.guardrails;
  const a = d.autoAdvance;
  const setG = (patch: Partial<ReleaseDraft['guardrails']>) =>
    form.update((x) => ({ ...x, guardrails: { ...x.guardrails, ...patch } }));
  const setA = (patch: Partial<ReleaseDraft['autoAdvance']>) =>
    form.update((x) => ({ ...x, autoAdvance: { ...x.autoAdvance, ...patch } }));
  return (
    <>
      <Fieldset legend="Measuring activation">
        <div class="row">
          <NumberField
            label="Holdout (%)"
            path="holdoutPercent"
            hint="Users kept from the release to compare against, 0–50."
            errors={errors}
            min={0}
            max={50}
            step={0.5}
            value={d.holdoutPercent}
            onValue={(holdoutPercent) => form.update((x) => ({ ...x, holdoutPercent }))}
          />
          <TextField
            label="Goal event"
            path="goal.event"
            hint="What the product tracks when a user gets value, e.g. reservation_made. Empty: no goal."
            errors={errors}
            placeholder="reservation_made"
            value={d.goalEvent}
            onValue={(goalEvent) => form.update((x) => ({ ...x, goalEvent }))}
          />
        </div>
      </Fieldset>
      <Fieldset legend="Guardrails" path="guardrails" errors={ownError(errors, 'guardrails')}>
        <CheckField
          label="Pause the release by itself when feedback turns bad"
          path="guardrails.on"
          checked={g.on}
          onValue={(on) => setG({ on })}
        />
        {g.on && (
          <div class="row">
            <NumberField
              label="Once this many responses are in"
              path="guardrails.minResponses"
              errors={errors}
              min={1}
              value={g.minResponses}
              onValue={(minResponses) => setG({ minResponses })}
            />
            <NumberField
              label="Pause below this average rating"
              path="guardrails.minAverageRating"
              hint="Empty: ratings never pause it."
              errors={errors}
              min={0}
              max={10}
              step={0.1}
              value={g.minAverageRating}
              onValue={(minAverageRating) => setG({ minAverageRating })}
            />
            <NumberField
              label="Pause above this dismiss rate (%)"
              path="guardrails.maxDismissRate"
              hint="Empty: dismissals never pause it."
              errors={errors}
              min={0}
              max={100}
              value={asPercent(g.maxDismissRate)}
              onValue={(p) => setG({ maxDismissRate: p === undefined ? undefined : p / 100 })}
            />
          </div>
        )}
      </Fieldset>
      <Fieldset legend="Auto-advance" path="autoAdvance" errors={ownError(errors, 'autoAdvance')}>
        <CheckField
          label="Advance to the next phase by itself when the gate is met"
          path="autoAdvance.on"
          checked={a.on}
          onValue={(on) => setA({ on })}
        />
        {a.on && (
          <div class="row">
            <NumberField
              label="Hours in the phase at least"
              path="autoAdvance.afterHours"
              errors={errors}
              min={0}
              value={a.afterHours}
              onValue={(afterHours) => setA({ afterHours })}
            />
            <NumberField
              label="Responses at least"
              path="autoAdvance.minResponses"
              errors={errors}
              min={0}
              value={a.minResponses}
              onValue={(minResponses) => setA({ minResponses })}
            />
            <NumberField
              label="Average rating at least"
              path="autoAdvance.minAverageRating"
              hint="Empty: any rating."
              errors={errors}
              min={0}
              max={10}
              step={0.1}
              value={a.minAverageRating}
              onValue={(minAverageRating) => setA({ minAverageRating })}
            />
          </div>
        )}
      </Fieldset>
    </>
  );
}
