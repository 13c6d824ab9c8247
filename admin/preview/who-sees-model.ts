import { signal } from '@preact/signals';
import type { Traits } from '../../server/schema/common.ts';
import type { PreviewResponse } from '../../server/schema/preview.ts';
import type { HeraldApi } from '../api/herald-api.ts';
import { createFormModel } from '../forms/form-model.ts';

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
  // The sample as the preview request names its parts, traits as the JSON text typed.
  const form = createFormModel({
    user: { id: '', traits: '' },
    context: { url: '', locale: '' },
    ignoreHistory: true,
  });
  const result = signal<PreviewResponse | null>(null);

  return {
    ...form,
    result,
    async check(siteId: string, messageId: string) {
      const { user, context, ignoreHistory } = form.draft.value;
      const t = traitsOf(user.traits);
      if (typeof t === 'string') {
        [form.errors.value, result.value] = [{ 'user.traits': t }, null];
        return;
      }
      const given = (key: string, v: string) => (v.trim() ? { [key]: v.trim() } : {});
      result.value = await form.submit(
        () =>
          api.preview.check(siteId, {
            messageId,
            user: { ...given('id', user.id), traits: t },
            context: { ...given('url', context.url), ...given('locale', context.locale) },
            ignoreHistory,
          }),
        { failed: 'Not checked' },
      );
    },
  };
}

export type WhoSees = ReturnType<typeof createWhoSees>;
