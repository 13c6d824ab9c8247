import type { ReleaseDecision } from '../../schema/decide.ts';
import type { UserState } from '../../schema/history.ts';
import type { HiddenReason } from '../../schema/reasons.ts';
import { frequencyVerdict } from '../frequency.ts';
import { pathOf } from '../pages.ts';
import type { CompiledSite } from './compile-site.ts';
import type { CompiledMessage, Verdict } from './compiled-message.ts';

/**
 * One request as the judge sees it: only what depends on the user, their page and the time, plus what this
 * request already learnt about the site's shared page rules and audiences (0 unknown, YES or NO).
 */
export type Judging = {
  site: CompiledSite;
  user: { key: string; traits: Record<string, unknown> };
  state: UserState;
  url: string | undefined;
  /** The URL's path, parsed once per request; undefined without a URL (then every page rule passes). */
  path: string | undefined;
  now: Date;
  t: number;
  ignoreHistory: boolean;
  /** A listed test user in test mode: releases that are not rolled back reach them (`testDecision`). */
  testMode: boolean;
  /** This user's decision for each release, by release id. */
  releases: Map<string, ReleaseDecision>;
  pages: number[];
  audiences: number[];
  pageExcluded: Verdict | undefined;
};

const YES = 1;
const NO = 2;
const holdout: Verdict = { reason: 'holdout', detail: 'the user is in the release’s holdout' };
const notExposed: Verdict = { reason: 'not-exposed', detail: 'the release has not reached this user yet' };
const byFrequency: Record<string, Verdict> = {
  dismissed: { reason: 'dismissed', detail: 'the user dismissed it' },
  answered: { reason: 'answered', detail: 'the user already answered' },
};
const capped = (reason: HiddenReason): Verdict => ({ reason, detail: 'the frequency rule has been met' });

/** Starts judging one request: the URL is parsed here, once. */
export function startJudging(
  site: CompiledSite,
  request: Pick<Judging, 'user' | 'state' | 'url' | 'now' | 'ignoreHistory' | 'releases' | 'testMode'>,
): Judging {
  // Written out rather than spread, and plain arrays rather than typed ones: this runs once per request,
  // and both were a tenth of decide's time in a profile.
  return {
    site,
    user: request.user,
    state: request.state,
    url: request.url,
    path: request.url === undefined ? undefined : pathOf(request.url),
    now: request.now,
    t: request.now.getTime(),
    ignoreHistory: request.ignoreHistory,
    testMode: request.testMode,
    releases: request.releases,
    pages: new Array<number>(site.pages.length).fill(0),
    audiences: new Array<number>(site.audiences.length).fill(0),
    pageExcluded: undefined,
  };
}

/**
 * Why a compiled message is hidden from this request's user, or null when it may show. The checks run in
 * the order the preview explains them.
 */
export function judge(j: Judging, m: CompiledMessage): Verdict | null {
  if (m.fixed !== null) return m.fixed;
  const { message } = m;
  if (m.startsAt !== null && j.t < m.startsAt)
    return { reason: 'scheduled', detail: `starts at ${message.schedule.start}` };
  if (m.endsAt !== null && j.t >= m.endsAt)
    return { reason: 'expired', detail: `ended at ${message.schedule.end}` };
  if (!pageAllows(j, m.pagesIndex)) {
    j.pageExcluded ??= { reason: 'page-excluded', detail: `page rules exclude ${j.url}` };
    return j.pageExcluded;
  }
  if (!inAudience(j, m.audienceIndex)) return m.outsideAudience;
  if (!m.inRollout(j.user.key)) return m.outsideRollout;
  if (m.release !== null) {
    const r = m.release;
    const inactive = r?.status === 'draft' || r?.status === 'paused';
    if (r === undefined || r.status === 'rolled_back' || (inactive && !j.testMode))
      return { reason: 'release-inactive', detail: `the release is ${r?.status ?? 'missing'}` };
    const decision = j.releases.get(r.id);
    if (decision?.holdout) return holdout;
    if (!decision?.enabled) return notExposed;
  }
  if (j.ignoreHistory) return null;
  const reason = frequencyVerdict(message.frequency, message.kind, j.state.messages[message.id], j.now);
  return reason === null ? null : (byFrequency[reason] ?? capped(reason));
}

function pageAllows(j: Judging, index: number): boolean {
  const known = j.pages[index];
  if (known !== 0) return known === YES;
  const allowed = j.path === undefined || (j.site.pages[index] as (path: string) => boolean)(j.path);
  j.pages[index] = allowed ? YES : NO;
  return allowed;
}

function inAudience(j: Judging, index: number): boolean {
  const known = j.audiences[index];
  if (known !== 0) return known === YES;
  const matched = (j.site.audiences[index] as (traits: unknown) => boolean)(j.user.traits);
  j.audiences[index] = matched ? YES : NO;
  return matched;
}
