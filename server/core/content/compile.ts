import type { CompiledContent, ContentByLocale } from '../../schema/content.ts';
import { compileMarkdown } from './markdown.ts';
import { safeUrl } from './safe-url.ts';

/**
 * The outcome of compiling a message's content: every locale compiled, or every problem found, each
 * prefixed with where it is (`en.cta.url: …`) so the admin API can point the author at the field.
 */
export type CompileContentResult =
  | { ok: true; content: Record<string, CompiledContent> }
  | { ok: false; problems: string[] };

/**
 * Compiles a message's content for every locale on save, so the widget only ever receives the safe tree
 * (DESIGN: "No HTML from authors"). A bad CTA URL is the author's to fix, so it is a problem, not a silent
 * drop; unsafe links and images inside the markdown body are dropped by {@link compileMarkdown}.
 * An expected outcome, so it is returned as a value rather than thrown.
 *
 * @example compileContent({ en: { title: 'Hi', body: 'New!', cta: { label: 'Try', url: '/try' } } })
 * // { ok: true, content: { en: { title: 'Hi', body: [{ t: 'p', c: ['New!'] }], cta: { label: 'Try', url: '/try' } } } }
 */
export function compileContent(content: ContentByLocale): CompileContentResult {
  const compiled: Record<string, CompiledContent> = {};
  const problems: string[] = [];
  for (const [locale, { title, body, cta }] of Object.entries(content)) {
    const url = cta === undefined ? undefined : safeUrl(cta.url, 'link');
    if (url === null) problems.push(`${locale}.cta.url: only http(s) and relative URLs are allowed`);
    compiled[locale] = {
      title,
      body: compileMarkdown(body),
      ...(cta !== undefined && url ? { cta: { label: cta.label, url } } : {}),
    };
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, content: compiled };
}
