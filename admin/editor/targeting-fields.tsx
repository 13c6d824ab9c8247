import type { Trigger } from '../../server/schema/message.ts';
import { Fieldset } from '../forms/field.tsx';
import { NumberField, SelectField, TextAreaField, TextField } from '../forms/inputs.tsx';
import type { MessageEditor } from './message-editor.ts';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
const ON = [
  ['load', 'The page loads'],
  ['event', 'The product tracks an event'],
  ['element', 'An element appears'],
] as const;

/** Page rules (include and exclude patterns) and the trigger (load, event, element, with a delay). */
export function TargetingFields({ ed }: { ed: MessageEditor }) {
  const d = ed.draft.value;
  const errors = ed.errors.value;
  const t = d.trigger;
  const setTrigger = (trigger: Trigger) => ed.update((x) => ({ ...x, trigger }));
  return (
    <Fieldset legend="Pages and trigger">
      <div class="row">
        <TextAreaField
          label="Show on pages"
          path="pages.include"
          hint="One path pattern per line; * matches anything. Empty: every page."
          errors={errors}
          rows={3}
          mono
          value={d.pages.include.join('\n')}
          onValue={(v) => ed.update((x) => ({ ...x, pages: { ...x.pages, include: lines(v) } }))}
        />
        <TextAreaField
          label="Never on pages"
          path="pages.exclude"
          errors={errors}
          rows={3}
          mono
          value={d.pages.exclude.join('\n')}
          onValue={(v) => ed.update((x) => ({ ...x, pages: { ...x.pages, exclude: lines(v) } }))}
        />
      </div>
      <div class="row">
        <SelectField
          label="Show when"
          path="trigger.on"
          errors={errors}
          options={ON}
          value={t.on}
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
        {t.on === 'event' && (
          <TextField
            label="Event name"
            path="trigger.event"
            errors={errors}
            value={t.event}
            onValue={(event) => setTrigger({ ...t, event })}
          />
        )}
        {t.on === 'element' && (
          <TextField
            label="Element (CSS selector)"
            path="trigger.selector"
            errors={errors}
            value={t.selector}
            onValue={(selector) => setTrigger({ ...t, selector })}
          />
        )}
        <NumberField
          label="Delay (seconds)"
          path="trigger.delayMs"
          errors={errors}
          min={0}
          max={600}
          step={0.5}
          value={t.delayMs / 1000}
          onValue={(s) => setTrigger({ ...t, delayMs: Math.round((s ?? 0) * 1000) })}
        />
      </div>
    </Fieldset>
  );
}
