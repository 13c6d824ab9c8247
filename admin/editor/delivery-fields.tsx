import { emptyIsNull, field, fieldAs, type Lens, offWhenUnset } from '../forms/bind.ts';
import { Fieldset } from '../forms/field.tsx';
import { CheckField, NumberField, SelectField, TextField } from '../forms/inputs.tsx';
import { FollowedRelease } from '../releases/release-status.tsx';
import { fromLocalInput, toLocalInput } from './message-draft.ts';
import type { MessageEditor } from './message-editor.ts';

const MODES = [
  ['untilDismissed', 'Until dismissed'],
  ['once', 'Once'],
  ['times', 'A number of times'],
  ['always', 'Every time'],
] as const;

/** A schedule's ISO instant in a `datetime-local` box, in the browser's time zone. */
const localTime: Lens<string | null, string> = { show: toLocalInput, read: fromLocalInput };

/** How often, when (schedule), to what share (rollout), following which release, in what order, in the feed. */
export function DeliveryFields({ ed }: { ed: MessageEditor }) {
  const d = ed.draft.value;
  const f = d.frequency;
  const followed = ed.releases.value.find((r) => r.id === d.releaseId);
  const unlisted = ed.releasesProblem.value;
  const releases: [string, string][] = [
    ['', 'None'],
    ...ed.releases.value.map((r) => [r.id, r.name] as [string, string]),
    // The releases could not be listed: keep the one the message follows, rather than showing "None".
    ...(d.releaseId && !followed ? [[d.releaseId, d.releaseId] as [string, string]] : []),
  ];
  const release = fieldAs(ed, 'releaseId', emptyIsNull);
  return (
    <Fieldset legend="Delivery">
      <div class="row">
        <SelectField
          label="Frequency"
          {...field(ed, 'frequency.mode')}
          options={MODES}
          onValue={(mode) =>
            ed.update((x) => ({
              ...x,
              frequency: mode === 'times' ? { mode, times: 3, everyDays: 7 } : { mode },
            }))
          }
        />
        {f.mode === 'times' && (
          <>
            <NumberField label="Times at most" {...field(ed, 'frequency.times')} min={1} />
            <NumberField label="Days apart at least" {...field(ed, 'frequency.everyDays')} />
          </>
        )}
      </div>
      <div class="row">
        <TextField
          label="Start"
          type="datetime-local"
          hint="Empty: from publishing."
          {...fieldAs(ed, 'schedule.start', localTime)}
        />
        <TextField
          label="End"
          type="datetime-local"
          hint="Empty: no end."
          {...fieldAs(ed, 'schedule.end', localTime)}
        />
      </div>
      <div class="row">
        <NumberField
          label="Rollout (% of the audience)"
          {...field(ed, 'rollout.percent')}
          max={100}
          step={0.1}
        />
        <div class="release-field">
          <SelectField
            label="Release"
            hint="The message then reaches only users exposed to the release."
            options={releases}
            {...release}
            errors={unlisted ? { ...release.errors, releaseId: unlisted } : release.errors}
          />
          {d.releaseId && (
            <p class="release-now">
              Now: <FollowedRelease id={d.releaseId} release={followed} phase />
            </p>
          )}
        </div>
        <NumberField
          label="Priority"
          hint="Higher shows first."
          {...field(ed, 'priority')}
          min={-1000}
          max={1000}
        />
      </div>
      <CheckField label="Also list in the changelog feed" {...field(ed, 'feed')} />
      {/* Why: a release's own survey must not wait behind the gap its announcement spent. */}
      <CheckField
        label="Exempt from the attention budget (shows even when the site's gap between interruptions is spent)"
        {...fieldAs(ed, 'attentionExempt', offWhenUnset)}
      />
    </Fieldset>
  );
}
