import type { Trigger } from '../../server/schema/message.ts';
import { field, fieldAs, type Lens } from '../forms/bind.ts';
import { Fieldset } from '../forms/field.tsx';
import { NumberField, SelectField, TextAreaField, TextField } from '../forms/inputs.tsx';
import type { MessageEditor } from './message-editor.ts';

/**
 * Page patterns as one per line, kept as typed: dropping a blank line here would undo the Enter that starts
 * the next pattern (the box shows the draft back). `cleanDraft` trims them and drops blank ones on save.
 */
const lines: Lens<string[], string> = {
  show: (list) => list.join('\n'),
  read: (text) => text.split('\n'),
};
/** The delay in seconds, kept in milliseconds; an empty box is no delay. */
const seconds: Lens<number | undefined, number | undefined> = {
  show: (ms) => (ms === undefined ? undefined : ms / 1000),
  read: (s) => Math.round((s ?? 0) * 1000),
};
const ON = [
  ['load', 'The page loads'],
  ['event', 'The product tracks an event'],
  ['element', 'An element appears'],
] as const;

/** Page rules (include and exclude patterns) and the trigger (load, event, element, with a delay). */
export function TargetingFields({ ed }: { ed: MessageEditor }) {
  const d = ed.draft.value;
  const t = d.trigger;
  const setTrigger = (trigger: Trigger) => ed.update((x) => ({ ...x, trigger }));
  return (
    <Fieldset legend="Pages and trigger">
      <div class="row">
        <TextAreaField
          label="Show on pages"
          hint="One path pattern per line; * matches anything. Empty: every page."
          rows={3}
          mono
          {...fieldAs(ed, 'pages.include', lines)}
        />
        <TextAreaField label="Never on pages" rows={3} mono {...fieldAs(ed, 'pages.exclude', lines)} />
      </div>
      <div class="row">
        <SelectField
          label="Show when"
          options={ON}
          {...field(ed, 'trigger.on')}
          onValue={(on) =>
            setTrigger(
              on === 'event'
                ? { on, event: '', delayMs: t.delayMs }
                : on === 'element'
                  ? { on, selector: '', delayMs: t.delayMs }
                  : { on, delayMs: t.delayMs },
            )
          }
        />
        {t.on === 'event' && <TextField label="Event name" {...field(ed, 'trigger.event')} />}
        {t.on === 'element' && (
          <TextField label="Element (CSS selector)" {...field(ed, 'trigger.selector')} />
        )}
        <NumberField
          label="Delay (seconds)"
          {...fieldAs(ed, 'trigger.delayMs', seconds)}
          max={600}
          step={0.5}
        />
      </div>
    </Fieldset>
  );
}
