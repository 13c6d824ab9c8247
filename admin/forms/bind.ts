import type { ReadonlySignal, Signal } from '@preact/signals';
import type { FieldErrors } from './form-errors.ts';
import { getAt, type Path, setAt, type ValueAt } from './paths.ts';

/** A number box shows nothing for `undefined`: an empty box is `undefined`, required or not. */
type Shown<V> = [V] extends [number | undefined] ? number | undefined : V;

/** What an input needs from its form: the path the server names, the value, the problems, the setter. */
export type Bound<V> = { path: string; value: V; errors: FieldErrors; onValue: (v: V) => void };

/** What the binder reads and writes: a form model's draft and problems (`FormModel` has both). */
export type Form<D> = { draft: Signal<D>; errors: ReadonlySignal<FieldErrors> };

/** How a value is shown in its input and read back (a rate shown as a percentage, a list as lines). */
export type Lens<V, S> = { show: (v: V) => S; read: (s: S) => V };

/**
 * Binds one input to one field of a form, from a key path the compiler checks against the draft: the
 * input gets the path (its id, and the key of the server's problem), the value, the errors and the
 * change handler, so none of them can name a different field than the others.
 *
 * @example <NumberField label="Holdout (%)" {...field(form, 'holdoutPercent')} min={0} />
 */
export function field<D, P extends Path<D>>(form: Form<D>, path: P): Bound<Shown<ValueAt<D, P>>> {
  return bindAt(form as Form<unknown>, path) as Bound<Shown<ValueAt<D, P>>>;
}

/**
 * `field`, for a value shown in its input otherwise than it is kept (a rate as a percentage).
 *
 * @example <NumberField label="Dismiss rate (%)" {...fieldAs(form, 'guardrails.maxDismissRate', percent)} />
 */
export function fieldAs<D, P extends Path<D>, S>(
  form: Form<D>,
  path: P,
  lens: Lens<Shown<ValueAt<D, P>>, S>,
): Bound<S> {
  const bound = bindAt(form as Form<unknown>, path);
  return {
    ...bound,
    value: lens.show(bound.value as Shown<ValueAt<D, P>>),
    onValue: (s) => bound.onValue(lens.read(s)),
  };
}

function bindAt(form: Form<unknown>, path: string): Bound<unknown> {
  return {
    path,
    value: getAt(form.draft.value, path),
    errors: form.errors.value,
    onValue: (v) => {
      // A draft not loaded yet (null) takes no edits.
      if (form.draft.value !== null) form.draft.value = setAt(form.draft.value, path, v);
    },
  };
}

/**
 * Binds an input that belongs to no form model (a template's city, a report's trait) to a signal, with the
 * one problem it may have, so it is labelled, described and written like any field of a form.
 *
 * @example <TextField label="Pilot city" {...bindSignal('template.city', city, problem.value)} />
 */
export function bindSignal<V>(path: string, value: Signal<V>, problem?: string | null): Bound<V> {
  return {
    path,
    value: value.value,
    errors: problem ? { [path]: problem } : {},
    onValue: (v) => {
      value.value = v;
    },
  };
}

/**
 * A rate 0–1 shown as the percentage a person types, without float noise (0.07 → 7, not
 * 7.000000000000001); an empty box stays `undefined`.
 */
export const percent: Lens<number | undefined, number | undefined> = {
  show: (rate) => (rate === undefined ? undefined : Math.round(rate * 1e4) / 100),
  read: (p) => (p === undefined ? undefined : p / 100),
};

/** An optional text kept as `null` when empty (a webhook URL, a slug), shown as an empty box. */
export const emptyIsNull: Lens<string | null, string> = {
  show: (v) => v ?? '',
  read: (s) => (s === '' ? null : s),
};

/** An optional switch: not set reads as off. */
export const offWhenUnset: Lens<boolean | undefined, boolean> = { show: (v) => v === true, read: (v) => v };

/** An optional text left out when empty (a fallback locale, a button's label), shown as an empty box. */
export const emptyIsUnset: Lens<string | undefined, string> = {
  show: (v) => v ?? '',
  read: (s) => (s === '' ? undefined : s),
};
