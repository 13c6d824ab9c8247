import type { ComponentChildren } from 'preact';
import { field, fieldAs, percent } from '../forms/bind.ts';
import { Fieldset } from '../forms/field.tsx';
import { CheckField, NumberField, TextField } from '../forms/inputs.tsx';
import { ownError, type ReleaseForm } from './release-form.ts';

/** Bounds of an average rating (0–10, tenths). */
const RATING = { min: 0, max: 10, step: 0.1 };

/** The rules that are off until ticked: the name of each one's group, and the checkbox that turns it on. */
const SWITCHED = {
  guardrails: { legend: 'Guardrails', label: 'Pause the release by itself when feedback turns bad' },
  autoAdvance: { legend: 'Auto-advance', label: 'Advance to the next phase by itself when the gate is met' },
};

type SwitchedProps = { form: ReleaseForm; rule: keyof typeof SWITCHED; children: ComponentChildren };

/** A rule that is off until its checkbox is ticked; its settings show only while it is on. */
function Switched({ form, rule, children }: SwitchedProps) {
  const on = field(form, `${rule}.on`);
  return (
    <Fieldset legend={SWITCHED[rule].legend} path={rule} errors={ownError(form.errors.value, rule)}>
      <CheckField label={SWITCHED[rule].label} {...on} />
      {on.value && <div class="row">{children}</div>}
    </Fieldset>
  );
}

/**
 * What measures and steers the rollout: the holdout and goal event (activation lift), the guardrails that
 * pause it when feedback turns bad, and the gate that advances it by itself.
 */
export function LimitFields({ form }: { form: ReleaseForm }) {
  return (
    <>
      <Fieldset legend="Measuring activation">
        <div class="row">
          <NumberField
            label="Holdout (%)"
            hint="Users kept from the release to compare against, 0–50."
            {...field(form, 'holdoutPercent')}
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
      <Switched form={form} rule="guardrails">
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
          max={100}
        />
      </Switched>
      <Switched form={form} rule="autoAdvance">
        <NumberField label="Hours in the phase at least" {...field(form, 'autoAdvance.afterHours')} />
        <NumberField label="Responses at least" {...field(form, 'autoAdvance.minResponses')} />
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
