import { signal } from '@preact/signals';
import { type FieldErrors, problemOf } from './form-errors.ts';
import { getAt, type Path, setAt, type ValueAt } from './paths.ts';

/** What `createFormModel` needs beyond the starting draft. */
export type FormOptions<D> = {
  /**
   * Number boxes that may not be left empty in this draft (they depend on it: a phase's percent, the
   * times of a `times` frequency). An empty number box is `undefined` in the draft, like any other.
   */
  required?: (draft: NonNullable<D>) => Path<D>[];
  /** Reads a failure this form knows better than `problemOf` does (a 409 that belongs beside a field). */
  explain?: (e: unknown) => { message: string; fields: FieldErrors } | null;
};

/** Said beside a required number box left empty. */
export const ENTER_A_NUMBER = 'Enter a number.';

/**
 * One admin form's state, as signals: the draft, the server's problems by field path, the summary
 * problem, a status line for the live region, and whether a request is running. Fields are read and
 * written by a path the compiler checks (see `field()` in `bind.ts`), so an input cannot drift from
 * the draft's names. A draft of `null` (not loaded yet) ignores writes.
 *
 * @example const form = createFormModel({ name: '', goal: { event: '' } }); form.set('goal.event', 'x');
 */
export function createFormModel<D>(initial: D, options: FormOptions<D> = {}) {
  const draft = signal<D>(initial);
  const errors = signal<FieldErrors>({});
  const problem = signal<string | null>(null);
  const status = signal('');
  const busy = signal(false);

  /** The required number boxes left empty, each with its problem; empty when the draft can go. */
  function missing(): FieldErrors {
    const d = draft.value;
    if (d === null || d === undefined || !options.required) return {};
    const empty = options.required(d).filter((p) => getAt(d, p) === undefined);
    return Object.fromEntries(empty.map((p) => [p, ENTER_A_NUMBER]));
  }

  /** Shows a failure: the server's field problems beside the fields, the summary, and the status line. */
  function fail(e: unknown, what: string) {
    const p = options.explain?.(e) ?? problemOf(e);
    [errors.value, problem.value, status.value] = [p.fields, p.message, `${what}: ${p.message}`];
  }

  return {
    draft,
    errors,
    problem,
    status,
    busy,
    get<P extends Path<D>>(path: P): ValueAt<D, P> {
      return getAt(draft.value, path) as ValueAt<D, P>;
    },
    set<P extends Path<D>>(path: P, value: ValueAt<D, P>) {
      if (draft.value !== null) draft.value = setAt(draft.value, path, value);
    },
    update(fn: (d: D) => D) {
      draft.value = fn(draft.value);
    },
    fail,
    /** Clears the problems after a success. */
    clear() {
      [errors.value, problem.value] = [{}, null];
    },
    /**
     * Runs a request (a save, a create): busy while it runs, `saying` meanwhile, the problems cleared on
     * success, shown on failure (`failed: why`). Refuses to send while a required number box is empty.
     *
     * @example await form.submit(() => api.sites.update(id, patchOf(form.draft.value)), { saying: 'Saving…', failed: 'Not saved' })
     */
    async submit<T>(send: () => Promise<T>, say: { saying?: string; failed: string }): Promise<T | null> {
      const empty = missing();
      const count = Object.keys(empty).length;
      if (count > 0) {
        const message = `Could not save: ${count === 1 ? '1 problem' : `${count} problems`} to fix.`;
        [errors.value, problem.value, status.value] = [empty, message, `${say.failed}: ${message}`];
        return null;
      }
      busy.value = true;
      if (say.saying) status.value = say.saying;
      try {
        const out = await send();
        [errors.value, problem.value] = [{}, null];
        return out;
      } catch (e) {
        fail(e, say.failed);
        return null;
      } finally {
        busy.value = false;
      }
    },
  };
}

export type FormModel<D> = ReturnType<typeof createFormModel<D>>;
