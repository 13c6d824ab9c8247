import type { Context } from 'hono';
import { publicPosts } from '../../core/changelog.ts';
import type { RouteDeps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import type { PublicPost } from '../../schema/changelog.ts';
import type { Site } from '../../schema/site.ts';
import { productBase } from './content-html.ts';

/** A site's public changelog as one request sees it. */
export type Changelog = {
  site: Site;
  /** Newest first. */
  posts: PublicPost[];
  /** The reader's locale, if they asked for one (`?lang=`, else `Accept-Language`). */
  locale: string | undefined;
  /** Where the changelog lives, e.g. `https://herald.example.com/changelog/scooters`. */
  url: string;
  /** Where relative links in posts point (the product's first allowed origin). */
  base: string | null;
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
  const live = await deps.live.get(site.publicKey);
  const locale = readerLocale(c);
  const posts = publicPosts({
    messages: live?.messages ?? [],
    releases: live?.releases ?? [],
    siteLocale: site.defaultLocale,
    locale,
    now: deps.clock(),
  });
  const url = `${deps.publicUrl}/changelog/${slug}`;
  return { site, posts, locale, url, base: productBase(site.allowedOrigins) };
}
