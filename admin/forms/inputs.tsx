import { Field } from './field.tsx';
import type { FieldErrors } from './form-errors.ts';

type Base = {
  label: string;
  path: string;
  errors?: FieldErrors | undefined;
  hint?: string;
  disabled?: boolean;
};
const text = (e: Event) => (e.currentTarget as HTMLInputElement).value;

/** A labelled one-line text input bound to a value. */
export function TextField(
  p: Base & {
    value: string;
    onValue: (v: string) => void;
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

/** A labelled number input; an empty box reads as `undefined`. */
export function NumberField(
  p: Base & {
    value: number | undefined;
    onValue: (v: number | undefined) => void;
    min?: number;
    max?: number;
    step?: number;
  },
) {
  return (
    <Field {...p}>
      {(a) => (
        <input
          {...a}
          type="number"
          inputMode="decimal"
          min={p.min}
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
export function TextAreaField(
  p: Base & { value: string; onValue: (v: string) => void; rows?: number; mono?: boolean },
) {
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
export function SelectField<T extends string>(
  p: Base & { value: T; options: readonly (readonly [T, string])[]; onValue: (v: T) => void },
) {
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
export function CheckField(p: Base & { value: boolean; onValue: (v: boolean) => void }) {
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
export function ColorField(p: Base & { value: string; onValue: (v: string) => void }) {
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
