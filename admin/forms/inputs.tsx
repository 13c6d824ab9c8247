import { Field } from './field.tsx';
import type { FieldErrors } from './form-errors.ts';

/** What every input takes: its label and hint, and what `field()` binds it to (path, value, errors, setter). */
type Props<V> = {
  label: string;
  path: string;
  value: V;
  errors?: FieldErrors | undefined;
  onValue: (v: V) => void;
  hint?: string;
  disabled?: boolean;
};
const text = (e: Event) => (e.currentTarget as HTMLInputElement).value;

/** A labelled one-line text input bound to a value. */
export function TextField(
  p: Props<string> & {
    type?: 'text' | 'email' | 'password' | 'url' | 'search' | 'datetime-local';
    placeholder?: string;
    autocomplete?: string;
  },
) {
  return (
    <Field {...p}>
      {(a) => (
        <input
          {...a}
          type={(p.type ?? 'text') as 'text'}
          value={p.value}
          placeholder={p.placeholder}
          autocomplete={p.autocomplete}
          onInput={(e) => p.onValue(text(e))}
        />
      )}
    </Field>
  );
}

/**
 * A labelled number input; an empty box reads as `undefined`. `min` is 0 unless said: the admin's numbers
 * are counts, durations, shares and sizes (a priority, which may be negative, says its own).
 */
export function NumberField(p: Props<number | undefined> & { min?: number; max?: number; step?: number }) {
  return (
    <Field {...p}>
      {(a) => (
        <input
          {...a}
          type="number"
          inputMode="decimal"
          min={p.min ?? 0}
          max={p.max}
          step={p.step ?? 1}
          value={p.value === undefined || Number.isNaN(p.value) ? '' : String(p.value)}
          onInput={(e) => {
            const n = (e.currentTarget as HTMLInputElement).valueAsNumber;
            p.onValue(Number.isNaN(n) ? undefined : n);
          }}
        />
      )}
    </Field>
  );
}

/** A labelled multi-line text input. */
export function TextAreaField(p: Props<string> & { rows?: number; mono?: boolean }) {
  return (
    <Field {...p}>
      {(a) => (
        <textarea
          {...a}
          rows={p.rows ?? 4}
          class={p.mono ? 'mono' : undefined}
          value={p.value}
          onInput={(e) => p.onValue(text(e))}
        />
      )}
    </Field>
  );
}

/** A labelled select over `[value, label]` options. */
export function SelectField<T extends string>(p: Props<T> & { options: readonly (readonly [T, string])[] }) {
  return (
    <Field {...p}>
      {(a) => (
        <select {...a} value={p.value} onChange={(e) => p.onValue(text(e) as T)}>
          {p.options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A checkbox with its label after it. */
export function CheckField(p: Props<boolean>) {
  return (
    <Field {...p} after>
      {(a) => (
        <input
          {...a}
          type="checkbox"
          checked={p.value}
          onChange={(e) => p.onValue((e.currentTarget as HTMLInputElement).checked)}
        />
      )}
    </Field>
  );
}

/** A colour picker with the colour's hex code beside it. */
export function ColorField(p: Props<string>) {
  return (
    <Field {...p}>
      {(a) => (
        <span class="color-pair">
          <input {...a} type="color" value={p.value} onInput={(e) => p.onValue(text(e))} />
          <code>{p.value}</code>
        </span>
      )}
    </Field>
  );
}
