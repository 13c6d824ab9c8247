import type { UserState } from '../../server/schema/history.ts';
import type { Message } from '../../server/schema/message.ts';
import type { Release } from '../../server/schema/release.ts';
import { benchRelease, mixedMessages } from '../bench/decide-bench.ts';
import { seeded } from '../support/seeded.ts';

/**
 * The inputs of the decide golden fixture: the bench's 200-message mix and its release, and 10,000 users
 * drawn from a seeded generator (traits of every type, missing traits, histories, sticky exposures,
 * interruptions, URLs and locales), so the same run always produces the same users.
 */

export const GOLDEN_NOW = new Date('2026-11-26T10:00:00Z');
export const GOLDEN_USERS = 10_000;
export const GOLDEN_MESSAGES = 200;

/** One user's request as decide sees it. */
export type GoldenCase = {
  user: { key: string; traits: Record<string, unknown> };
  state: UserState;
  context: { url?: string; locale?: string };
  ignoreHistory: boolean;
};

const CITIES = ['Austin', 'Dallas', 'Houston', 'Boston', 'Berlin', 'Lagos', 'Osaka', 'austin'];
const PLANS = ['free', 'plus', 'pro', 'PRO', 'enterprise'];
const VERSIONS = [
  '2.3.0',
  '2.2.9',
  '2.10.0',
  'v2.3.0',
  '2.3.0-beta.1',
  '2.3',
  '10.0.0',
  '',
  3,
  '2.3.0+build.7',
];
const URLS = [
  'https://app.example.com/app/home',
  '/app/settings/billing',
  '/app/settings',
  '/dashboard',
  '/dashboard/',
  '/demo/reserve',
  '/demo',
  'https://app.example.com/app/%C3%BCber?x=1#top',
  '/app/home?utm=1',
  'not a url at all',
  '',
];
const LOCALES = ['en-US', 'de-DE', 'de', 'fr-FR', 'EN', 'de_AT', ''];
const HOUR = 3_600_000;

export function goldenSite(): { messages: Message[]; releases: Release[] } {
  const release = benchRelease();
  return { messages: mixedMessages(GOLDEN_MESSAGES, release.id), releases: [release] };
}

/** The 10,000 users, in order. */
export function goldenCases(messages: Message[]): GoldenCase[] {
  const random = seeded(11);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const maybe = (p: number) => random() < p;
  const ago = (maxHours: number) => new Date(GOLDEN_NOW.getTime() - random() * maxHours * HOUR).toISOString();
  return Array.from({ length: GOLDEN_USERS }, (_, i) => {
    const traits: Record<string, unknown> = {};
    if (maybe(0.9)) traits.city = pick(CITIES);
    if (maybe(0.85)) traits.plan = pick(PLANS);
    if (maybe(0.8))
      traits.age = maybe(0.9) ? Math.floor(10 + random() * 60) : String(Math.floor(random() * 60));
    if (maybe(0.8)) traits.appVersion = pick(VERSIONS);
    if (maybe(0.7)) traits.beta = maybe(0.1) ? 'yes' : maybe(0.4);
    if (maybe(0.8))
      traits.email = `user${i}@${pick(['example.com', 'EXAMPLE.COM', 'mail.test', 'example.com.evil'])}`;
    if (maybe(0.7)) traits.company = maybe(0.9) ? { size: Math.floor(random() * 200) } : 'acme';
    const state: UserState = { traits: {}, messages: {}, interruptions: [], lastSeenAt: null };
    if (maybe(0.5)) {
      for (const m of messages) {
        if (!maybe(0.08)) continue;
        const seen = maybe(0.8);
        state.messages[m.id] = {
          impressions: seen ? 1 + Math.floor(random() * 4) : 0,
          firstSeenAt: seen ? ago(24 * 30) : null,
          lastSeenAt: seen ? ago(24 * 10) : null,
          dismissedAt: maybe(0.3) ? ago(24 * 10) : null,
          clickedAt: maybe(0.1) ? ago(24 * 10) : null,
          respondedAt: maybe(0.15) ? ago(24 * 10) : null,
        };
      }
      state.interruptions = Array.from({ length: Math.floor(random() * 4) }, () => ago(36));
      state.lastSeenAt = ago(48);
    }
    if (maybe(0.2)) {
      state.exposures = { rel_1: { phase: Math.floor(random() * 2), holdout: maybe(0.1), at: ago(100) } };
    }
    const context: GoldenCase['context'] = {};
    if (maybe(0.95)) context.url = pick(URLS);
    if (maybe(0.9)) context.locale = pick(LOCALES);
    const key = maybe(0.7) ? `u_${i}` : `anon_${Math.floor(random() * 1e9).toString(36)}`;
    return { user: { key, traits }, state, context, ignoreHistory: maybe(0.05) };
  });
}
