import type { FeedPost } from '../schema/feed.ts';
import type { UserState } from '../schema/history.ts';
import type { Message } from '../schema/message.ts';
import type { Release } from '../schema/release.ts';
import { evalCondition } from './conditions/evaluate.ts';
import { chooseLocale, isRtlLocale } from './content/locale.ts';
import { releaseDecision } from './releases.ts';
import { scheduleState } from './schedule.ts';

export type FeedInput = {
  messages: Message[];
  releases: Release[];
  siteLocale: string;
  user: { key: string; traits: Record<string, unknown> };
  state: UserState;
  locale: string | undefined;
  now: Date;
};

/**
 * The changelog posts this user may read, newest first. Audience, schedule and release exposure apply
 * (a post about a feature must not reach someone who does not have it); frequency does not — the feed is
 * a place people come back to. A post is read once the user had an impression of it.
 */
export function feedFor(input: FeedInput): { posts: FeedPost[]; unread: number } {
  const releases = new Map(input.releases.map((r) => [r.id, r]));
  const posts: FeedPost[] = [];
  for (const m of input.messages) {
    if (!m.feed || m.status !== 'live' || m.publishedAt === null) continue;
    if (scheduleState(m.schedule, input.now) !== 'open') continue;
    if (!evalCondition(input.user.traits, m.audience)) continue;
    if (m.releaseId !== null) {
      const release = releases.get(m.releaseId);
      if (release === undefined || release.status === 'paused') continue;
      if (!releaseDecision(release, input.user.key, input.user.traits).enabled) continue;
    }
    const locale = chooseLocale(Object.keys(m.compiled), input.locale, m.defaultLocale ?? input.siteLocale);
    const content = m.compiled[locale];
    if (content === undefined) continue;
    const read = (input.state.messages[m.id]?.impressions ?? 0) > 0;
    posts.push({ id: m.id, content, locale, rtl: isRtlLocale(locale), publishedAt: m.publishedAt, read });
  }
  posts.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  return { posts, unread: posts.filter((p) => !p.read).length };
}
