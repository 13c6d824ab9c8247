import { publicPosts } from '../core/changelog.ts';
import type { LiveSites } from '../live/live-sites.ts';
import type { PublicPost } from '../schema/changelog.ts';
import type { Site } from '../schema/site.ts';

/** A site's public posts now, newest first, from the live cache that decide also reads. */
export async function postsOf(
  live: LiveSites,
  site: Site,
  locale: string | undefined,
  now: Date,
): Promise<PublicPost[]> {
  const view = await live.get(site.publicKey);
  return publicPosts({
    messages: view?.messages ?? [],
    releases: view?.releases ?? [],
    siteLocale: site.defaultLocale,
    locale,
    now,
  });
}

/** Where a site's public changelog lives, e.g. `https://herald.example.com/changelog/scooters`. */
export function changelogUrl(publicUrl: string, slug: string): string {
  return `${publicUrl}/changelog/${slug}`;
}
