import { field, fieldAs, percent } from '../forms/bind.ts';
import { Fieldset } from '../forms/field.tsx';
import { CheckField, NumberField, TextField } from '../forms/inputs.tsx';
import { ownError, type ReleaseForm } from './release-form.ts';

/**
 * What measures and steers the rollout: the holdout and goal event (activation lift), the guardrails that
 * pause it when feedback turns bad, and the gate that advances it by itself.
 */
export function LimitFields({ form }: { form: ReleaseForm }) {
  const { guardrails, autoAdvance } = form.draft.value;
  const errors = form.errors.value;
  return (
    <>
      <Fieldset legend="Measuring activation">
        <div class="row">
          <NumberField
            label="Holdout (%)"
            hint="Users kept from the release to compare against, 0–50."
            {...field(form, 'holdoutPercent')}
            min={0}
            max={50}
            step={0.5}
          />
          <TextField
            label="Goal event"
            hint="What the product tracks when a user gets value, e.g. reservation_made. Empty: no goal."
            placeholder="reservation_made"
            {...field(form, 'goal.event')}
          />
        </div>
      </Fieldset>
      <Fieldset legend="Guardrails" path="guardrails" errors={ownError(errors, 'guardrails')}>
        <CheckField
          label="Pause the release by itself when feedback turns bad"
          {...field(form, 'guardrails.on')}
        />
        {guardrails.on && (
          <div class="row">
            <NumberField
              label="Once this many responses are in"
              {...field(form, 'guardrails.minResponses')}
              min={1}
            />
            <NumberField
              label="Pause below this average rating"
              hint="Empty: ratings never pause it."
              {...field(form, 'guardrails.minAverageRating')}
              min={0}
              max={10}
              step={0.1}
            />
            <NumberField
              label="Pause above this dismiss rate (%)"
              hint="Empty: dismissals never pause it."
              {...fieldAs(form, 'guardrails.maxDismissRate', percent)}
              min={0}
              max={100}
            />
          </div>
        )}
      </Fieldset>
      <Fieldset legend="Auto-advance" path="autoAdvance" errors={ownError(errors, 'autoAdvance')}>
        <CheckField
          label="Advance to the next phase by itself when the gate is met"
          {...field(form, 'autoAdvance.on')}
        />
        {autoAdvance.on && (
          <div class="row">
            <NumberField
              label="Hours in the phase at least"
              {...field(form, 'autoAdvance.afterHours')}
              min={0}
            />
            <NumberField label="Responses at least" {...field(form, 'autoAdvance.minResponses')} min={0} />
            <NumberField
              label="Average rating at least"
              hint="Empty: any rating."
              {...field(form, 'autoAdvance.minAverageRating')}
              min={0}
              max={10}
              step={0.1}
            />
          </div>
        )}
      </Fieldset>
    </>
  );
}
