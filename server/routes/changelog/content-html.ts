import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { safeUrl } from '../../core/content/safe-url.ts';
import type { Block, CompiledContent, Inline } from '../../schema/content.ts';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/**
 * Where relative links of a post point outside the product: its first allowed origin, or nowhere (a
 * relative link such as `/reserve` means the product's page, not a page of Herald's public changelog).
 */
export function productBase(allowedOrigins: string[]): string | null {
  return allowedOrigins.find((o) => o !== '*') ?? null;
}

/** A link target made absolute against `base`, checked again like the widget does; null when not a safe link. */
export function absoluteUrl(url: string, base: string | null): string | null {
  const safe = safeUrl(url, 'link');
  if (safe === null) return null;
  if (/^https?:\/\//i.test(safe)) return safe;
  if (base === null) return null;
  try {
    return new URL(safe, base).href;
  } catch {
    return null;
  }
}

/**
 * A post's safe content tree as HTML. Every text and attribute goes through hono's `html` template, which
 * escapes it; the tree has no markup of its own, so nothing an author wrote becomes a tag. `headingLevel`
 * is the level of the post's title: content headings start below it.
 *
 * @example contentHtml(post.content.body, { base: 'https://app.example.com', headingLevel: 2 })
 */
export function contentHtml(body: Block[], options: { base: string | null; headingLevel: number }): Html[] {
  const inline = (n: Inline): Html | string => {
    if (typeof n === 'string') return html`${n}`;
    switch (n.t) {
      case 'em':
        return html`<em>${n.c.map(inline)}</em>`;
      case 'strong':
        return html`<strong>${n.c.map(inline)}</strong>`;
      case 'code':
        return html`<code>${n.text}</code>`;
      case 'br':
        return html`<br>`;
      case 'a': {
        const href = absoluteUrl(n.href, options.base);
        return href === null
          ? html`<span>${n.c.map(inline)}</span>`
          : html`<a href="${href}" rel="noopener noreferrer">${n.c.map(inline)}</a>`;
      }
      case 'img': {
        const src = safeUrl(n.src, 'image');
        return src === null ? '' : html`<img src="${src}" alt="${n.alt}" loading="lazy">`;
      }
      default:
        return '';
    }
  };
  const block = (b: Block): Html => {
    switch (b.t) {
      case 'p':
        return html`<p>${b.c.map(inline)}</p>`;
      case 'h': {
        const level = Math.min(b.level + options.headingLevel, 6);
        // The tag name is a number from 3 to 6, never author text.
        return html`${raw(`<h${level}>`)}${b.c.map(inline)}${raw(`</h${level}>`)}`;
      }
      case 'ul':
        return html`<ul>${b.items.map((item) => html`<li>${item.map(block)}</li>`)}</ul>`;
      case 'ol':
        return html`<ol>${b.items.map((item) => html`<li>${item.map(block)}</li>`)}</ol>`;
      case 'pre':
        return html`<pre><code>${b.text}</code></pre>`;
      default:
        return html``;
    }
  };
  return body.map(block);
}

/** The call to action of a post as a link, when it has a safe target. */
export function ctaHtml(content: CompiledContent, base: string | null): Html | string {
  const cta = content.cta;
  const href = cta === undefined ? null : absoluteUrl(cta.url, base);
  return cta === undefined || href === null
    ? ''
    : html`<p><a class="cta" href="${href}">${cta.label}</a></p>`;
}

/** A post's body and call to action as one HTML string (feeds and mails carry it as text). */
export async function postBodyHtml(
  content: CompiledContent,
  base: string | null,
  headingLevel: number,
): Promise<string> {
  return (
    await html`${contentHtml(content.body, { base, headingLevel })}${ctaHtml(content, base)}`
  ).toString();
}
