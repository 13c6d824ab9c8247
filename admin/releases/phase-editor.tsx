import { useSignal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import { bindSignal, field } from '../forms/bind.ts';
import { Fieldset } from '../forms/field.tsx';
import { NumberField, TextField } from '../forms/inputs.tsx';
import { useSegmentChoices } from '../segments/segment-catalog.ts';
import { PhaseAudience } from './phase-audience.tsx';
import type { PhaseDraft } from './release-draft.ts';
import { ownError, type ReleaseForm } from './release-form.ts';

/** Where keyboard focus goes after a change that redraws the list: a control of one phase, or "Add phase". */
type FocusTarget = { phase: string; control: 'name' | 'up' | 'down' } | 'add' | null;

function Template({ form }: { form: ReleaseForm }) {
  const city = useSignal('');
  const others = useSignal('');
  const problem = useSignal<string | null>(null);
  return (
    <div class="template">
      <p class="hint">
        Start from a template: a pilot in one city, then its region, then everyone. It replaces the phases
        below.
      </p>
      <div class="row">
        <TextField
          label="Pilot city"
          placeholder="Austin"
          {...bindSignal('template.city', city, problem.value)}
        />
        <TextField
          label="Other cities in the region"
          hint="Comma-separated, e.g. Dallas, Houston."
          placeholder="Dallas, Houston"
          {...bindSignal('template.region', others)}
        />
      </div>
      <button
        type="button"
        class="button"
        onClick={() => {
          problem.value = form.useTemplate(city.value, others.value) ? null : 'Type the pilot city first.';
        }}
      >
        Use template: pilot city → region → everyone
      </button>
    </div>
  );
}

type PhaseProps = {
  form: ReleaseForm;
  phase: PhaseDraft;
  i: number;
  count: number;
  focus: (t: FocusTarget) => void;
};

function Phase({ form, phase, i, count, focus }: PhaseProps) {
  const n = i + 1;
  const segments = useSegmentChoices(form.siteId.value || null);
  const current = form.saved.value?.status !== 'draft' && form.saved.value?.currentPhase === i;
  return (
    <li data-phase={phase.id}>
      <Fieldset legend={`Phase ${n}${phase.name ? `: ${phase.name}` : ''}`} class="phase">
        {current && <p class="hint">The release is in this phase now.</p>}
        <div class="row">
          <TextField
            label={`Phase ${n} name`}
            placeholder={n === 1 ? 'Pilot: Austin' : 'Texas'}
            {...field(form, `phases.${i}.name`)}
          />
          <NumberField
            label={`Phase ${n} percent`}
            hint="Share of this audience exposed, 0–100. Raising it never drops anyone."
            {...field(form, `phases.${i}.percent`)}
            max={100}
            step={0.1}
          />
        </div>
        <PhaseAudience
          ed={form.editorFor(phase)}
          n={n}
          path={`phases.${i}.audience`}
          errors={form.errors.value}
          segments={segments}
        />
        <div class="actions">
          <button
            type="button"
            class="button small"
            data-control="up"
            disabled={i === 0}
            onClick={() => {
              form.movePhase(i, -1);
              focus({ phase: phase.id, control: i === 1 ? 'down' : 'up' });
            }}
          >
            Move phase {n} up
          </button>
          <button
            type="button"
            class="button small"
            data-control="down"
            disabled={i === count - 1}
            onClick={() => {
              form.movePhase(i, 1);
              focus({ phase: phase.id, control: i === count - 2 ? 'up' : 'down' });
            }}
          >
            Move phase {n} down
          </button>
          <button
            type="button"
            class="button small danger-outline"
            disabled={count === 1}
            onClick={() => {
              form.removePhase(i);
              focus('add');
            }}
          >
            Remove phase {n}
          </button>
        </div>
      </Fieldset>
    </li>
  );
}

/**
 * The phases of a release, in order: each a name, a percentage and an audience; added, removed and
 * reordered with buttons (focus follows the phase that moved), or filled from the template.
 */
export function PhaseEditor({ form }: { form: ReleaseForm }) {
  const phases = form.draft.value.phases;
  const box = useRef<HTMLDivElement>(null);
  const [target, focus] = useState<FocusTarget>(null);
  useEffect(() => {
    if (!target || !box.current) return;
    const selector =
      target === 'add'
        ? '[data-control=add]'
        : target.control === 'name'
          ? `[data-phase="${target.phase}"] input`
          : `[data-phase="${target.phase}"] [data-control=${target.control}]`;
    box.current.querySelector<HTMLElement>(selector)?.focus();
    focus(null);
  }, [target]);
  return (
    <Fieldset legend="Phases" path="phases" errors={ownError(form.errors.value, 'phases')}>
      <div ref={box}>
        <Template form={form} />
        <ol class="phases">
          {phases.map((phase, i) => (
            <Phase key={phase.id} form={form} phase={phase} i={i} count={phases.length} focus={focus} />
          ))}
        </ol>
        <button
          type="button"
          class="button"
          data-control="add"
          onClick={() => focus({ phase: form.addPhase().id, control: 'name' })}
        >
          Add phase
        </button>
      </div>
    </Fieldset>
  );
}
