import type { Frequency } from '../../server/schema/message.ts';
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

/** How often, when (schedule), to what share (rollout), following which release, in what order, in the feed. */
export function DeliveryFields({ ed }: { ed: MessageEditor }) {
  const d = ed.draft.value;
  const errors = ed.errors.value;
  const f = d.frequency;
  const setFrequency = (frequency: Frequency) => ed.update((x) => ({ ...x, frequency }));
  const followed = ed.releases.value.find((r) => r.id === d.releaseId);
  const releases: [string, string][] = [
    ['', 'None'],
    ...ed.releases.value.map((r) => [r.id, r.name] as [string, string]),
  ];
  return (
    <Fieldset legend="Delivery">
      <div class="row">
        <SelectField
          label="Frequency"
          path="frequency.mode"
          errors={errors}
          options={MODES}
          value={f.mode}
          onValue={(mode) => setFrequency(mode === 'times' ? { mode, times: 3, everyDays: 7 } : { mode })}
        />
        {f.mode === 'times' && (
          <>
            <NumberField
              label="Times at most"
              path="frequency.times"
              errors={errors}
              min={1}
              value={f.times}
              onValue={(times) => setFrequency({ ...f, times: times ?? Number.NaN })}
            />
            <NumberField
              label="Days apart at least"
              path="frequency.everyDays"
              errors={errors}
              min={0}
              value={f.everyDays}
              onValue={(everyDays) => setFrequency({ ...f, everyDays: everyDays ?? 0 })}
            />
          </>
        )}
      </div>
      <div class="row">
        <TextField
          label="Start"
          path="schedule.start"
          type="datetime-local"
          hint="Empty: from publishing."
          errors={errors}
          value={toLocalInput(d.schedule.start)}
          onValue={(v) => ed.update((x) => ({ ...x, schedule: { ...x.schedule, start: fromLocalInput(v) } }))}
        />
        <TextField
          label="End"
          path="schedule.end"
          type="datetime-local"
          hint="Empty: no end."
          errors={errors}
          value={toLocalInput(d.schedule.end)}
          onValue={(v) => ed.update((x) => ({ ...x, schedule: { ...x.schedule, end: fromLocalInput(v) } }))}
        />
      </div>
      <div class="row">
        <NumberField
          label="Rollout (% of the audience)"
          path="rollout.percent"
          errors={errors}
          min={0}
          max={100}
          step={0.1}
          value={d.rollout.percent}
          onValue={(percent) => ed.update((x) => ({ ...x, rollout: { percent: percent ?? Number.NaN } }))}
        />
        <div class="release-field">
          <SelectField
            label="Release"
            path="releaseId"
            hint="The message then reaches only users exposed to the release."
            errors={errors}
            options={releases}
            value={d.releaseId ?? ''}
            onValue={(id) => ed.update((x) => ({ ...x, releaseId: id || null }))}
          />
          {d.releaseId && (
            <p class="release-now">
              Now: <FollowedRelease id={d.releaseId} release={followed} phase />
            </p>
          )}
        </div>
        <NumberField
          label="Priority"
          path="priority"
          hint="Higher shows first."
          errors={errors}
          min={-1000}
          max={1000}
          value={d.priority}
          onValue={(priority) => ed.update((x) => ({ ...x, priority: priority ?? 0 }))}
        />
      </div>
      <CheckField
        label="Also list in the changelog feed"
        path="feed"
        errors={errors}
        value={d.feed}
        onValue={(feed) => ed.update((x) => ({ ...x, feed }))}
      />
      {/* Why: a release's own survey must not wait behind the gap its announcement spent. */}
      <CheckField
        label="Exempt from the attention budget (shows even when the site's gap between interruptions is spent)"
        path="attentionExempt"
        errors={errors}
        value={d.attentionExempt === true}
        onValue={(attentionExempt) => ed.update((x) => ({ ...x, attentionExempt }))}
      />
    </Fieldset>
  );
}
