import type { Context } from 'hono';
import { changelogUrl, postsOf } from '../../changelog/posts.ts';
import type { RouteDeps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import type { PublicPost } from '../../schema/changelog.ts';
import type { Site } from '../../schema/site.ts';
import { productBase } from './content-html.ts';
import { type Words, wordsFor } from './words.ts';

/** A site's public changelog as one request sees it. */
export type Changelog = {
  site: Site;
  /** Newest first. */
  posts: PublicPost[];
  /** The reader's locale, if they asked for one (`?lang=`, else `Accept-Language`). */
  locale: string | undefined;
  /** Where the changelog lives, e.g. `https://herald.example.com/changelog/scooters`. */
  url: string;
  /**
   * The same without the origin (`/changelog/scooters`), for the stylesheet and form actions: the CSP allows
   * only the serving origin ('self'), which may differ from HERALD_PUBLIC_URL's behind a proxy.
   */
  path: string;
  /** Where relative links in posts point (the product's first allowed origin). */
  base: string | null;
  /** The language of the page's own words (the posts keep theirs), and those words. */
  lang: string;
  words: Words;
  /** The email digest is offered: mail can go out (SMTP configured) and the PM scheduled it. */
  digest: boolean;
};

/** The reader's preferred locale: `?lang=` wins over the first `Accept-Language` entry. */
export function readerLocale(c: Context): string | undefined {
  const lang = c.req.query('lang');
  if (lang !== undefined && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(lang)) return lang;
  const first = c.req.header('accept-language')?.split(',')[0]?.split(';')[0]?.trim();
  return first === undefined || first === '*' || first === '' ? undefined : first;
}

/** Loads the site whose changelog slug is `slug`, or a 404. */
export async function changelogSite(deps: RouteDeps, slug: string): Promise<Site> {
  const site = await deps.store.getSiteByChangelogSlug(slug);
  if (site === null) throw new ApiError(404, 'not_found', `no public changelog at ${slug}`);
  return site;
}

/** Loads a public changelog: the site by slug, its live messages from the shared cache, the public posts. */
export async function loadChangelog(deps: RouteDeps, c: Context, slug: string): Promise<Changelog> {
  const site = await changelogSite(deps, slug);
  const locale = readerLocale(c);
  const posts = await postsOf(deps.live, site, locale, deps.clock());
  const url = changelogUrl(deps.publicUrl, slug);
  const digest = deps.mailer !== undefined && site.digest.every !== 'off';
  const { lang, words } = wordsFor(locale, site.defaultLocale);
  return {
    site,
    posts,
    locale,
    url,
    path: `/changelog/${slug}`,
    base: productBase(site.allowedOrigins),
    digest,
    lang,
    words,
  };
}
