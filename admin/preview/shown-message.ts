import type { Block } from '../../server/schema/content.ts';
import type { ShownMessage } from '../../server/schema/decide.ts';
import type { Message, MessageInput } from '../../server/schema/message.ts';
import { isRtl } from '../../widget/i18n/strings.ts';

/**
 * Markdown the server has not compiled yet, shown as plain paragraphs. Why: the safe tree is made on
 * save by the server's compiler (admin code does not import server core), so formatting appears once
 * the draft is saved.
 */
export function plainBlocks(markdown: string): Block[] {
  return markdown
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => ({ t: 'p', c: [p] }));
}

/**
 * The draft as `/v1/decide` would hand it to the widget in one locale: the saved compiled body when the
 * markdown is unchanged since the save, else plain paragraphs; title and call to action as typed.
 *
 * @example shownMessage(draft, saved, 'de') // → the German content, right-to-left false
 */
export function shownMessage(draft: MessageInput, saved: Message | null, locale: string): ShownMessage {
  const content = draft.content[locale] ?? Object.values(draft.content)[0] ?? { title: '', body: '' };
  const compiled = saved?.compiled[locale];
  const same = compiled !== undefined && saved?.content[locale]?.body === content.body;
  const cta = content.cta?.label && content.cta.url ? content.cta : undefined;
  return {
    id: saved?.id ?? 'preview',
    kind: draft.kind,
    display: draft.display,
    content: {
      title: content.title || (draft.kind === 'survey' ? 'Your question' : 'Your announcement'),
      body: same ? compiled.body : plainBlocks(content.body),
      ...(cta ? { cta } : {}),
    },
    locale,
    rtl: isRtl(locale),
    trigger: draft.trigger,
    ...(draft.survey ? { survey: draft.survey } : {}),
    pages: draft.pages,
    dismissible: 'forever',
    priority: draft.priority,
  };
}

/** Whether the preview's body is the compiled one (formatting shown) or plain paragraphs awaiting a save. */
export function bodyIsCompiled(draft: MessageInput, saved: Message | null, locale: string): boolean {
  return saved?.compiled[locale] !== undefined && saved.content[locale]?.body === draft.content[locale]?.body;
}
