import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { isRtlLocale } from '../../core/content/locale.ts';
import type { PublicPost } from '../../schema/changelog.ts';
import { contentHtml, ctaHtml } from './content-html.ts';
import type { Changelog } from './load.ts';
import { say } from './words.ts';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** No scripts at all, styles only from the changelog's own stylesheet, images only over https. */
export const CHANGELOG_CSP =
  "default-src 'none'; style-src 'self'; img-src https:; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

/** Posts per page of the public changelog. */
export const PAGE_SIZE = 10;

/** The date of a post in the reader's locale (UTC, so every reader sees the same day). */
function dateOf(iso: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
}

/** The whole document around a page's main content: head with feeds and canonical link, header, footer. */
export function layout(log: Changelog, page: { title: string; canonical: string; main: Html }): Html {
  const { lang, words: w } = log;
  const name = say(w.changelog, { site: log.site.name });
  return html`<!doctype html>
<html lang="${lang}" dir="${isRtlLocale(lang) ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${page.title}</title>
<meta name="description" content="${say(w.whatsNew, { site: log.site.name })}">
<link rel="canonical" href="${page.canonical}">
<link rel="alternate" type="application/rss+xml" title="${name} (RSS)" href="${log.url}/rss.xml">
<link rel="alternate" type="application/feed+json" title="${name} (JSON Feed)" href="${log.url}/feed.json">
<link rel="stylesheet" href="${log.path}/style.css">
</head>
<body>
<header>
<p><a href="${log.url}">${name}</a></p>
<nav aria-label="${w.follow}"><ul>
<li><a href="${log.url}/rss.xml">${w.rss}</a></li>
<li><a href="${log.url}/feed.json">${w.jsonFeed}</a></li>
${log.digest ? html`<li><a href="${log.url}#subscribe">${w.email}</a></li>` : ''}
</ul></nav>
</header>
<main>
${page.main}
</main>
</body>
</html>`;
}

/** One post as an article; on the list its title links to its permalink. */
function article(log: Changelog, post: PublicPost, headingLevel: 1 | 2): Html {
  const link = `${log.url}/posts/${post.id}`;
  const title =
    headingLevel === 1
      ? html`<h1>${post.content.title}</h1>`
      : html`<h2><a href="${link}">${post.content.title}</a></h2>`;
  return html`<article lang="${post.locale}" dir="${post.rtl ? 'rtl' : 'ltr'}">
${title}
<time datetime="${post.publicAt}">${dateOf(post.publicAt, post.locale)}</time>
${contentHtml(post.content.body, { base: log.base, headingLevel })}
${ctaHtml(post.content, log.base)}
</article>`;
}

/** The subscribe form: a plain POST, so it works without JavaScript. */
function subscribeForm(log: Changelog): Html | string {
  if (!log.digest) return '';
  const w = log.words;
  return html`<section class="subscribe" id="subscribe" aria-labelledby="subscribe-title">
<h2 id="subscribe-title">${w.getByEmail}</h2>
<form method="post" action="${log.path}/subscribe">
<label for="email">${w.address}</label>
<input id="email" name="email" type="email" autocomplete="email" required maxlength="254">
<button type="submit">${w.subscribe}</button>
</form>
<p>${w.optIn}</p>
</section>`;
}

/** One page of the changelog, newest first, with links to newer and older pages. */
export function listPage(log: Changelog, page: number): Html {
  const pages = Math.max(1, Math.ceil(log.posts.length / PAGE_SIZE));
  const shown = log.posts.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const w = log.words;
  const site = log.site.name;
  const href = (n: number) => (n === 1 ? log.url : `${log.url}?page=${n}`);
  const nav =
    pages === 1
      ? ''
      : html`<nav class="pages" aria-label="${w.pages}">
${page > 1 ? html`<a href="${href(page - 1)}" rel="prev">${w.newer}</a>` : html`<span></span>`}
<span>${say(w.pageOf, { n: page, total: pages })}</span>
${page < pages ? html`<a href="${href(page + 1)}" rel="next">${w.older}</a>` : html`<span></span>`}
</nav>`;
  const main = html`<h1>${say(w.whatsNew, { site })}</h1>
${shown.length === 0 ? html`<p>${w.noPosts}</p>` : shown.map((p) => article(log, p, 2))}
${nav}
${subscribeForm(log)}`;
  const name = say(w.changelog, { site });
  const title = page === 1 ? name : `${name} · ${say(w.pageOf, { n: page, total: pages })}`;
  return layout(log, { title, canonical: href(page), main });
}

/** The permalink page of one post. */
export function postPage(log: Changelog, post: PublicPost): Html {
  const main = html`${article(log, post, 1)}
<p><a href="${log.url}">${log.words.allPosts}</a></p>
${subscribeForm(log)}`;
  return layout(log, {
    title: `${post.content.title} · ${say(log.words.changelog, { site: log.site.name })}`,
    canonical: `${log.url}/posts/${post.id}`,
    main,
  });
}

/** A short page that answers a form (subscribed, confirmed, unsubscribed), with an optional follow-up form. */
export function noticePage(log: Changelog, title: string, text: string, form?: Html): Html {
  const main = html`<h1>${title}</h1>
<p role="status">${text}</p>
${form ?? ''}
<p><a href="${log.url}">${log.words.back}</a></p>`;
  const name = say(log.words.changelog, { site: log.site.name });
  return layout(log, { title: `${title} · ${name}`, canonical: log.url, main });
}
