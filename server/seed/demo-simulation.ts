import type { NewExposure } from '../core/decide.ts';
import { releaseReach } from '../core/releases.ts';
import { seededRandom } from '../core/seeded-random.ts';
import type { Event } from '../schema/events.ts';
import type { Message } from '../schema/message.ts';
import type { Release } from '../schema/release.ts';

/** Every simulated user's key starts with this, which is how demo data is found and removed. */
export const DEMO_USER_PREFIX = 'demo-sim-';
/** How far back the simulated pilot starts. */
export const DEMO_DAYS = 14;

const DAY = 86_400_000;
const MINUTE = 60_000;

/** One simulated user: who they are, where the release put them, and what they did. */
export type SimulatedUser = {
  key: string;
  traits: Record<string, unknown>;
  exposure: NewExposure;
  exposedAt: string;
  /** What they did, as the widget would have sent it (the writer adds what the server knows). */
  events: Event[];
};

/** What a rider might write beside their rating, by rating. */
const COMMENTS: Record<number, string[]> = {
  1: ['The scooter was gone when I got there.', 'Reservation expired while I was walking.'],
  2: ['Too hard to find the reserve button.', 'Map was slow to load.'],
  3: ['Works, but 30 minutes is short.', 'OK. Would like to pick a time.'],
  4: ['Handy on my commute.', 'Nice, saved me a walk in the rain.', 'Good, wish it worked in Dallas.'],
  5: ['Love it!', 'Exactly what I needed before work.', 'Best feature this year.'],
};
/**
 * Star weights for 1–5: a good pilot, averaging about 3.8 — above the demo guardrail's 3.5, under its
 * gate's 4.0, so the demo shows a gate waiting for better ratings instead of advancing on its own.
 */
const STARS = [0.05, 0.08, 0.19, 0.38, 0.3];
const PLANS = ['free', 'plus', 'pro'] as const;
/** Goal conversion by plan for exposed users; the holdout converts less, which is the lift. */
const CONVERT: Record<(typeof PLANS)[number], number> = { free: 0.3, plus: 0.4, pro: 0.45 };
const HOLDOUT_CONVERT = 0.2;

/** A version-4-shaped UUID drawn from `random` (event ids must be UUIDs, and the same on every run). */
function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] as string, 16) & 3) | 8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/**
 * Two weeks of a pilot, pure and deterministic: `users` Austin riders reach the release at random times
 * over `DEMO_DAYS` before `now`; the exposed ones see the announcement (click or close it) and the tooltip,
 * some reserve (the release's goal) and then rate it, with comments; the holdout reserves less often.
 * `messages` are the release's; each is found by kind.
 *
 * @example simulatePilot({ release, messages, now, seed: 42, users: 400 })
 */
export function simulatePilot(input: {
  release: Release;
  messages: Message[];
  now: Date;
  seed: number;
  users: number;
}): SimulatedUser[] {
  const { release, messages, now } = input;
  const random = seededRandom(input.seed);
  const chance = (p: number) => random() < p;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const announcement = messages.find((m) => m.kind === 'announcement');
  const tooltip = messages.find((m) => m.kind === 'tooltip');
  const survey = messages.find((m) => m.kind === 'survey');
  const goal = release.goal?.event;
  const end = now.getTime() - MINUTE;
  const start = now.getTime() - DEMO_DAYS * DAY;
  const out: SimulatedUser[] = [];
  for (let i = 0; i < input.users; i++) {
    const key = `${DEMO_USER_PREFIX}${String(i + 1).padStart(4, '0')}`;
    const plan = pick(PLANS);
    const traits = { city: 'Austin', plan };
    const reach = releaseReach({ ...release, status: 'active', currentPhase: 0 }, key, traits);
    if (reach === null) continue;
    // Later days bring more riders, as word gets around (the square root skews towards now).
    const exposedAt = start + Math.sqrt(random()) * (end - start - DAY);
    const events: Event[] = [];
    const add = (offset: number, fields: Omit<Event, 'id' | 'at' | 'user'>) =>
      events.push({
        ...fields,
        id: uuidFrom(random),
        at: new Date(Math.min(exposedAt + offset, end)).toISOString(),
        user: { id: key },
      } as Event);
    const converts = chance(reach.holdout ? HOLDOUT_CONVERT : CONVERT[plan]);
    const goalAfter = MINUTE * (5 + random() * 60 * 24 * 2);
    if (!reach.holdout) {
      if (announcement) {
        add(MINUTE, { type: 'impression', messageId: announcement.id });
        // Some click through, some close it, the rest move on and leave it be.
        const r = random();
        if (r < 0.4) add(2 * MINUTE, { type: 'click', messageId: announcement.id });
        else if (r < 0.75) add(2 * MINUTE, { type: 'dismiss', messageId: announcement.id });
      }
      if (tooltip && chance(0.7)) {
        add(3 * MINUTE, { type: 'impression', messageId: tooltip.id });
        if (chance(0.4)) add(4 * MINUTE, { type: 'dismiss', messageId: tooltip.id });
      }
    }
    if (converts && goal) add(goalAfter, { type: 'goal', name: goal });
    if (converts && survey && !reach.holdout) {
      add(goalAfter + 2 * MINUTE, { type: 'impression', messageId: survey.id });
      if (chance(0.75)) {
        const value = weighted(random(), STARS) + 1;
        const text = chance(0.45) ? pick(COMMENTS[value] ?? []) : undefined;
        add(goalAfter + 3 * MINUTE, { type: 'response', messageId: survey.id, value, ...(text && { text }) });
      } else add(goalAfter + 3 * MINUTE, { type: 'dismiss', messageId: survey.id });
    }
    out.push({
      key,
      traits,
      exposure: { releaseId: release.id, ...reach },
      exposedAt: new Date(exposedAt).toISOString(),
      events,
    });
  }
  return out;
}

/** The index `r` (in [0, 1)) falls on when `weights` (summing to 1) are laid end to end. */
function weighted(r: number, weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i] as number;
    if (r < sum) return i;
  }
  return weights.length - 1;
}
