import type { PublicPost } from '../schema/changelog.ts';
import type { Message } from '../schema/message.ts';
import type { Release } from '../schema/release.ts';
import type { DigestSchedule } from '../schema/site.ts';
import { chooseLocale, isRtlLocale } from './content/locale.ts';
import { scheduleState } from './schedule.ts';

/**
 * When a release began to reach everyone, or null while it does not: it completed, or it stands in its last
 * phase at 100% of all users with no holdout. Until then its posts are only for exposed users, in the
 * widget's feed; a paused or rolled-back release reaches no one new, so its posts stay private.
 *
 * @example releasePublicSince(completed) // '2026-11-30T09:00:00.000Z'
 */
export function releasePublicSince(release: Release): string | null {
  if (release.status === 'complete') {
    const done = release.history.findLast((e) => e.to === 'complete');
    return done?.at ?? release.updatedAt;
  }
  const last = release.phases.length - 1;
  const phase = release.phases[last];
  const everyone =
    release.status === 'active' &&
    release.currentPhase === last &&
    phase !== undefined &&
    phase.percent >= 100 &&
    Object.keys(phase.audience).length === 0 &&
    release.holdoutPercent === 0;
  return everyone ? release.phaseStartedAt : null;
}

export type PublicPostsInput = {
  messages: Message[];
  releases: Release[];
  siteLocale: string;
  /** The reader's preferred locale, if known. */
  locale: string | undefined;
  now: Date;
};

/**
 * The public changelog: live feed messages that everyone may read, newest first. A message with an audience
 * or a partial rollout targets some users only, so it stays out, as does one whose release does not reach
 * everyone yet (see `releasePublicSince`) or whose schedule is not open.
 */
export function publicPosts(input: PublicPostsInput): PublicPost[] {
  const releases = new Map(input.releases.map((r) => [r.id, r]));
  const posts: PublicPost[] = [];
  for (const m of input.messages) {
    if (!m.feed || m.status !== 'live' || m.publishedAt === null) continue;
    if (scheduleState(m.schedule, input.now) !== 'open') continue;
    if (Object.keys(m.audience).length > 0 || m.rollout.percent < 100) continue;
    let publicAt = m.publishedAt;
    if (m.releaseId !== null) {
      const release = releases.get(m.releaseId);
      const since = release === undefined ? null : releasePublicSince(release);
      if (since === null) continue;
      if (since > publicAt) publicAt = since;
    }
    if (m.schedule.start !== null && m.schedule.start > publicAt) publicAt = m.schedule.start;
    const locale = chooseLocale(Object.keys(m.compiled), input.locale, m.defaultLocale ?? input.siteLocale);
    const content = m.compiled[locale];
    if (content === undefined) continue;
    posts.push({ id: m.id, content, locale, rtl: isRtlLocale(locale), publicAt });
  }
  // Newest first; the id breaks ties so that paging is stable.
  return posts.sort((a, b) => b.publicAt.localeCompare(a.publicAt) || b.id.localeCompare(a.id));
}

const PERIOD_MS = { daily: 24 * 3_600_000, weekly: 7 * 24 * 3_600_000 } as const;

/**
 * Whether a site's digest should run now: never when off; otherwise when it never ran or its period has
 * passed since the last run.
 *
 * @example digestDue({ every: 'daily' }, '2026-11-25T09:00:00Z', new Date('2026-11-26T09:00:00Z')) // true
 */
export function digestDue(schedule: DigestSchedule, lastRunAt: string | null, now: Date): boolean {
  if (schedule.every === 'off') return false;
  if (lastRunAt === null) return true;
  return now.getTime() - Date.parse(lastRunAt) >= PERIOD_MS[schedule.every];
}
