import { signal } from '@preact/signals';
import type { Traits } from '../../server/schema/common.ts';
import type { PreviewResponse } from '../../server/schema/preview.ts';
import type { HeraldApi } from '../api/herald-api.ts';
import { type FieldErrors, problemOf } from '../forms/form-errors.ts';

/** Reads the traits box: JSON of an object, or nothing. */
function traitsOf(text: string): Traits | string {
  if (text.trim() === '') return {};
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Traits)
      : 'Traits must be a JSON object.';
  } catch {
    return 'Traits must be JSON, like { "city": "Boston" }.';
  }
}

/**
 * "Who will see this": a sample user (id, traits, page, locale) and the server's verdict for the saved
 * message, shown or hidden with the reason.
 *
 * @example const who = createWhoSees(api); who.traits.value = '{"city":"Boston"}'; await who.check('site_1', 'msg_1');
 */
export function createWhoSees(api: HeraldApi) {
  const userId = signal('');
  const traits = signal('');
  const url = signal('');
  const locale = signal('');
  const ignoreHistory = signal(true);
  const result = signal<PreviewResponse | null>(null);
  const errors = signal<FieldErrors>({});
  const problem = signal<string | null>(null);
  const busy = signal(false);

  return {
    userId,
    traits,
    url,
    locale,
    ignoreHistory,
    result,
    errors,
    problem,
    busy,
    async check(siteId: string, messageId: string) {
      const t = traitsOf(traits.value);
      if (typeof t === 'string') {
        errors.value = { 'user.traits': t };
        result.value = null;
        return;
      }
      busy.value = true;
      try {
        result.value = await api.preview.check(siteId, {
          messageId,
          user: { ...(userId.value.trim() ? { id: userId.value.trim() } : {}), traits: t },
          context: {
            ...(url.value.trim() ? { url: url.value.trim() } : {}),
            ...(locale.value.trim() ? { locale: locale.value.trim() } : {}),
          },
          ignoreHistory: ignoreHistory.value,
        });
        errors.value = {};
        problem.value = null;
      } catch (e) {
        const p = problemOf(e);
        [errors.value, problem.value, result.value] = [p.fields, p.message, null];
      } finally {
        busy.value = false;
      }
    },
  };
}

export type WhoSees = ReturnType<typeof createWhoSees>;
