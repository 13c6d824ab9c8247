import type { ComponentChildren } from 'preact';
import type { Bound } from '../forms/bind.ts';
import { field, fieldAs, percent } from '../forms/bind.ts';
import { Fieldset } from '../forms/field.tsx';
import type { FieldErrors } from '../forms/form-errors.ts';
import { CheckField, NumberField, TextField } from '../forms/inputs.tsx';
import { ownError, type ReleaseForm } from './release-form.ts';

/** Bounds of an average rating (0–10, tenths). */
const RATING = { min: 0, max: 10, step: 0.1 };

type SwitchedProps = {
  legend: string;
  path: string;
  errors: FieldErrors | undefined;
  /** The checkbox that turns the rule on. */
  label: string;
  on: Bound<boolean>;
  children: ComponentChildren;
};

/** A rule that is off until its checkbox is ticked; its settings show only while it is on. */
function Switched({ legend, path, errors, label, on, children }: SwitchedProps) {
  return (
    <Fieldset legend={legend} path={path} errors={errors}>
      <CheckField label={label} {...on} />
      {on.value && <div class="row">{children}</div>}
    </Fieldset>
  );
}

/**
 * What measures and steers the rollout: the holdout and goal event (activation lift), the guardrails that
 * pause it when feedback turns bad, and the gate that advances it by itself.
 */
export function LimitFields({ form }: { form: ReleaseForm }) {
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
      <Switched
        legend="Guardrails"
        path="guardrails"
        errors={ownError(errors, 'guardrails')}
        label="Pause the release by itself when feedback turns bad"
        on={field(form, 'guardrails.on')}
      >
        <NumberField
          label="Once this many responses are in"
          {...field(form, 'guardrails.minResponses')}
          min={1}
        />
        <NumberField
          label="Pause below this average rating"
          hint="Empty: ratings never pause it."
          {...field(form, 'guardrails.minAverageRating')}
          {...RATING}
        />
        <NumberField
          label="Pause above this dismiss rate (%)"
          hint="Empty: dismissals never pause it."
          {...fieldAs(form, 'guardrails.maxDismissRate', percent)}
          min={0}
          max={100}
        />
      </Switched>
      <Switched
        legend="Auto-advance"
        path="autoAdvance"
        errors={ownError(errors, 'autoAdvance')}
        label="Advance to the next phase by itself when the gate is met"
        on={field(form, 'autoAdvance.on')}
      >
        <NumberField label="Hours in the phase at least" {...field(form, 'autoAdvance.afterHours')} min={0} />
        <NumberField label="Responses at least" {...field(form, 'autoAdvance.minResponses')} min={0} />
        <NumberField
          label="Average rating at least"
          hint="Empty: any rating."
          {...field(form, 'autoAdvance.minAverageRating')}
          {...RATING}
        />
      </Switched>
    </>
  );
}
