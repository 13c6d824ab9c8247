import { signal } from '@preact/signals';
import { problemOf } from '../forms/form-errors.ts';

const TRAIT = /^[A-Za-z0-9_.-]{1,100}$/;

/**
 * A report's "break down by a trait" choice, for a message's results and a release's report alike: the
 * trait (`''` for none), and why a typed name was refused or its numbers did not load. `load` fetches the
 * numbers for `by.value`.
 *
 * @example const choice = createTraitChoice(loadBreakdown); await choice.setBy('city');
 */
export function createTraitChoice(load: () => Promise<void>) {
  /** `''` for none, else a trait name. */
  const by = signal('');
  const byError = signal<string | null>(null);
  return {
    by,
    byError,
    async setBy(trait: string) {
      const name = trait.trim();
      if (name !== '' && !TRAIT.test(name)) {
        byError.value = 'A trait name has letters, digits, _ . or - only, like city or company.size.';
        return;
      }
      [byError.value, by.value] = [null, name];
      await load().catch((e) => (byError.value = problemOf(e).message));
    },
  };
}
