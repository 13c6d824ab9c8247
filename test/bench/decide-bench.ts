import { compileSite } from '../../server/core/compile/compile-site.ts';
import { decideCompiled } from '../../server/core/decide.ts';
import { emptyUserState } from '../../server/core/history.ts';
import { buildMessage } from '../../server/routes/admin/message-doc.ts';
import type { UserState } from '../../server/schema/history.ts';
import { type Message, MessageInput } from '../../server/schema/message.ts';
import { Release } from '../../server/schema/release.ts';
import { demoRelease } from '../../server/seed/demo-content.ts';
import { fmt, timePaired } from './measure.ts';
import { type BenchRow, verdict } from './report.ts';

const NOW = new Date('2026-11-26T10:00:00Z');
const AT = NOW.toISOString();
const CITIES = ['Austin', 'Dallas', 'Houston', 'Boston', 'Berlin', 'Lagos', 'Osaka'];
const URLS = ['https://app.example.com/app/home', '/app/settings/billing', '/dashboard', '/demo/reserve'];

const AUDIENCES = [
  {},
  { city: 'Austin' },
  { plan: { $in: ['plus', 'pro'] } },
  { age: { $gte: 21 }, city: { $nin: ['Berlin'] } },
  { appVersion: { $vgte: '2.3.0' } },
  { $or: [{ city: { $in: ['Austin', 'Dallas', 'Houston'] } }, { beta: true }] },
  { email: { $regexi: '@example\\.com$' } },
  { 'company.size': { $gt: 50 }, plan: { $ne: 'free' } },
];
const PAGES = [
  { include: [], exclude: [] },
  { include: ['/app/*'], exclude: [] },
  { include: ['/app/*'], exclude: ['/app/settings*'] },
  { include: ['/dashboard', '/demo*'], exclude: [] },
];
const FREQUENCIES = [
  { mode: 'untilDismissed' },
  { mode: 'once' },
  { mode: 'always' },
  { mode: 'times', times: 3, everyDays: 7 },
] as const;
const DISPLAYS = [
  { kind: 'announcement', display: { style: 'modal' } },
  { kind: 'announcement', display: { style: 'banner', position: 'top' } },
  { kind: 'tooltip', display: { anchor: '#reserve', placement: 'bottom' } },
  { kind: 'survey', display: { style: 'slideout' }, survey: { scale: 'stars5', followUp: true } },
  { kind: 'announcement', display: { style: 'slideout' } },
] as const;

/** N live messages mixing kinds, audiences, page rules, frequency, rollouts and a release, compiled as on save. */
export function mixedMessages(count: number, releaseId: string): Message[] {
  return Array.from({ length: count }, (_, i) => {
    const input = MessageInput.parse({
      ...DISPLAYS[i % DISPLAYS.length],
      name: `Message ${i}`,
      content: {
        en: {
          title: `Title ${i}`,
          body: `Some **bold** news, a [link](/changelog/${i}) and a list:\n\n- one\n- two`,
        },
        de: { title: `Titel ${i}`, body: 'Neuigkeiten' },
      },
      audience: AUDIENCES[i % AUDIENCES.length],
      pages: PAGES[i % PAGES.length],
      frequency: FREQUENCIES[i % FREQUENCIES.length],
      rollout: { percent: [100, 50, 10][i % 3] },
      priority: i % 7,
      releaseId: i % 10 === 9 ? releaseId : null,
    });
    const base = {
      id: `msg_${i}`,
      siteId: 'site_1',
      version: 0,
      status: 'live' as const,
      createdAt: AT,
      updatedAt: AT,
    };
    return buildMessage(input, { ...base, publishedAt: AT });
  });
}

type BenchUser = { user: { key: string; traits: Record<string, unknown> }; state: UserState };

/** Users with varied traits; a third of them have history (impressions, a dismissal) with the messages. */
export function benchUsers(count: number, messages: Message[]): BenchUser[] {
  return Array.from({ length: count }, (_, i) => {
    const traits = {
      city: CITIES[i % CITIES.length],
      plan: ['free', 'plus', 'pro'][i % 3],
      age: 16 + (i % 40),
      appVersion: `2.${i % 6}.${i % 3}`,
      beta: i % 4 === 0,
      email: `user${i}@${i % 2 ? 'example.com' : 'mail.test'}`,
      company: { size: (i * 7) % 200 },
    };
    const state = emptyUserState();
    if (i % 3 === 0) {
      for (const m of messages.slice(0, 5 + (i % 10))) {
        state.messages[m.id] = {
          impressions: 1 + (i % 3),
          firstSeenAt: AT,
          lastSeenAt: AT,
          dismissedAt: i % 2 ? AT : null,
          clickedAt: null,
          respondedAt: null,
        };
      }
      state.interruptions = [new Date(NOW.getTime() - 3_600_000).toISOString()];
    }
    return { user: { key: `u_${i}`, traits }, state };
  });
}

/** The bench's one release: the demo release, active in its second phase, with a 5% holdout. */
export function benchRelease(): Release {
  return Release.parse({
    ...demoRelease,
    id: 'rel_1',
    siteId: 'site_1',
    status: 'active',
    currentPhase: 1,
    phaseStartedAt: AT,
    createdAt: AT,
    updatedAt: AT,
  });
}

/** Why the core figure may be missed, from a CPU profile of this loop. */
const WHY_CORE =
  'per message: one hash for the rollout, a history lookup, a hidden-reason record for the preview';

/**
 * Times core `decide()` over 2,000 users with 200 live messages, compiled once as the live cache does,
 * against a trivial loop (`JSON.stringify` of the user) in alternating slices of the same run.
 */
export function benchDecide(): BenchRow[] {
  const count = 200;
  const release = benchRelease();
  const messages = mixedMessages(count, release.id);
  const users = benchUsers(2000, messages);
  const site = compileSite({
    messages,
    releases: [release],
    attention: { maxPerDay: 3, minGapMinutes: 30 },
    siteLocale: 'en',
  });
  const run = (i: number) => {
    const { user, state } = users[i % users.length] as BenchUser;
    return decideCompiled(site, {
      user,
      state,
      context: { url: URLS[i % URLS.length], locale: i % 5 ? 'en-US' : 'de-DE' },
      now: NOW,
    });
  };
  const timed = timePaired(run, (i) => JSON.stringify((users[i % users.length] as BenchUser).user));
  const perMessage = timed.usPerOp / count;
  return [
    {
      figure: `core decide(), µs per live message (${count} messages, 2,000 users; median of 7 slices)`,
      herald: fmt(perMessage, 3),
      baseline: `JSON.stringify(user) ${fmt(timed.baselineUsPerOp, 2)} µs/decide (decide: ${fmt(timed.usPerOp, 1)} µs); 3.0 before issue 11`,
      target: '≤ 0.3 µs',
      verdict: verdict(perMessage, 0.3, false, 'µs'),
      ...(perMessage <= 0.3 ? {} : { why: WHY_CORE }),
    },
  ];
}
