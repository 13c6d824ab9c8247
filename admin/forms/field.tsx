import type { ComponentChildren } from 'preact';
import { errorAt, type FieldErrors, fieldId } from './form-errors.ts';

/** What a control needs to be labelled and tied to its hint and error, and whether it takes input. */
export type FieldAttrs = {
  id: string;
  name: string;
  disabled?: boolean;
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
};

type FieldProps = {
  label: string;
  /** The dotted path the server names in `error.fields`, e.g. `content.en.title`. */
  path: string;
  errors?: FieldErrors | undefined;
  hint?: string;
  disabled?: boolean;
  /** Put the label after the control (checkboxes). */
  after?: boolean;
  children: (attrs: FieldAttrs) => ComponentChildren;
};

/** The ids that describe a control: its hint and, when there is one, its error. */
function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

/**
 * A labelled control with its hint and the server's error beside it: the control gets `aria-invalid`
 * and `aria-describedby` pointing at the error, so a screen reader reads the problem with the field.
 *
 * @example <Field label="Title" path="content.en.title" errors={errors}>{(a) => <input {...a} />}</Field>
 */
export function Field({ label, path, errors, hint, disabled, after, children }: FieldProps) {
  const id = fieldId(path);
  const error = errors && errorAt(errors, path);
  const attrs: FieldAttrs = {
    id,
    name: path,
    disabled,
    ...(error ? { 'aria-invalid': 'true' as const } : {}),
    ...(describedBy(id, hint, error) ? { 'aria-describedby': describedBy(id, hint, error) } : {}),
  };
  const labelEl = <label for={id}>{label}</label>;
  return (
    <div class={`field${after ? ' check' : ''}${error ? ' invalid' : ''}`}>
      {!after && labelEl}
      {children(attrs)}
      {after && labelEl}
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="error">
          {error}
        </p>
      )}
    </div>
  );
}

type FieldsetProps = {
  legend: string;
  path?: string;
  errors?: FieldErrors | undefined;
  hint?: string;
  class?: string;
  children: ComponentChildren;
};

/** A group of controls with a legend (a named group for screen readers) and the error of its path. */
export function Fieldset({ legend, path, errors, hint, class: cls, children }: FieldsetProps) {
  const id = path ? fieldId(path) : undefined;
  const error = path && errors ? errorAt(errors, path) : undefined;
  return (
    <fieldset
      id={id}
      class={`group ${cls ?? ''}${error ? ' invalid' : ''}`}
      aria-describedby={id ? describedBy(id, hint, error) : undefined}
    >
      <legend>{legend}</legend>
      {hint && id && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {children}
      {error && id && (
        <p id={`${id}-error`} class="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
