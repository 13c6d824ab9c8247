import type { Condition } from '../../server/schema/condition.ts';
import type { AutoAdvance, Guardrails, ReleaseInput } from '../../server/schema/release.ts';

/** One phase as the form edits it; `id` keys its audience editor and survives reordering. */
export type PhaseDraft = { id: string; name: string; audience: Condition; percent: number | undefined };

/** Optional limits as the form edits them: switched on or off, numbers possibly not typed yet. */
type Optional<T> = { on: boolean } & { [K in keyof T]: T[K] | undefined };

/** A release as the create/edit form holds it: empty number boxes are `undefined`, not zero. */
export type ReleaseDraft = {
  key: string;
  name: string;
  phases: PhaseDraft[];
  holdoutPercent: number | undefined;
  /** The goal event's name (as the API's `goal.event`, so the server's problem lands beside it); empty: no goal. */
  goal: { event: string };
  guardrails: Optional<Guardrails>;
  autoAdvance: Optional<AutoAdvance>;
};

let next = 0;
/** A phase with its own id (ids only name editors on this page; the server never sees them). */
export function newPhase(over: Partial<Omit<PhaseDraft, 'id'>> = {}): PhaseDraft {
  return { id: `p${++next}`, name: '', audience: {}, percent: 100, ...over };
}

/** Starting values when a PM switches the limits on: those DESIGN's example release uses. */
const GUARDRAILS = { minResponses: 20, minAverageRating: 3.5, maxDismissRate: 0.6 };
const AUTO_ADVANCE = { afterHours: 72, minResponses: 50, minAverageRating: 4 };

/** A new release: one phase for everyone, no holdout, no goal, no automatic control. */
export function blankRelease(): ReleaseDraft {
  return {
    key: '',
    name: '',
    phases: [newPhase({ name: 'Everyone' })],
    holdoutPercent: 0,
    goal: { event: '' },
    guardrails: { on: false, ...GUARDRAILS },
    autoAdvance: { on: false, ...AUTO_ADVANCE },
  };
}

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * The three phases of "pilot city → region → everyone": 10% of one city, half of the region (the city and
 * the other cities typed, comma-separated), then everyone.
 *
 * @example templatePhases('Austin', 'Dallas, Houston')[1].audience // { city: { $in: ['Austin', 'Dallas', 'Houston'] } }
 */
export function templatePhases(city: string, otherCities = ''): PhaseDraft[] {
  const pilot = city.trim();
  const region = [...new Set([pilot, ...list(otherCities)])];
  return [
    newPhase({ name: `Pilot: ${pilot}`, audience: { city: pilot }, percent: 10 }),
    newPhase({ name: 'Region', audience: { city: { $in: region } }, percent: 50 }),
    newPhase({ name: 'Everyone', audience: {}, percent: 100 }),
  ];
}

/**
 * A key from a name, for a new release whose key nobody typed: lowercase letters, digits and dashes.
 *
 * @example keyFrom('Reserve ahead!') // 'reserve-ahead'
 */
export function keyFrom(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

/** The phases with the one at `index` moved by one place up (-1) or down (1). */
export function movePhase(phases: PhaseDraft[], index: number, by: -1 | 1): PhaseDraft[] {
  const to = index + by;
  const moving = phases[index];
  if (!moving || to < 0 || to >= phases.length) return phases;
  const out = phases.filter((_, i) => i !== index);
  out.splice(to, 0, moving);
  return out;
}

/** The form's state for a stored release (or its input). */
export function draftOf(r: ReleaseInput): ReleaseDraft {
  return {
    key: r.key,
    name: r.name,
    phases: r.phases.map((p) => newPhase(p)),
    holdoutPercent: r.holdoutPercent,
    goal: { event: r.goal?.event ?? '' },
    guardrails: r.guardrails ? { on: true, ...r.guardrails } : { on: false, ...GUARDRAILS },
    autoAdvance: r.autoAdvance ? { on: true, ...r.autoAdvance } : { on: false, ...AUTO_ADVANCE },
  };
}

/** Drops the keys whose value is undefined, so optional limits left empty are left out. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * What the API takes. A required number left empty goes as NaN (JSON `null`), so the server's 400
 * names that field and the form shows the problem beside it.
 */
export function inputOf(d: ReleaseDraft): ReleaseInput {
  const { on: guarded, ...g } = d.guardrails;
  const { on: auto, ...a } = d.autoAdvance;
  return {
    key: d.key.trim(),
    name: d.name.trim(),
    phases: d.phases.map((p) => ({
      name: p.name.trim(),
      audience: p.audience,
      percent: p.percent ?? Number.NaN,
    })),
    holdoutPercent: d.holdoutPercent ?? 0,
    goal: d.goal.event.trim() ? { event: d.goal.event.trim() } : null,
    guardrails: guarded ? defined({ ...g, minResponses: g.minResponses ?? Number.NaN }) : null,
    autoAdvance: auto
      ? defined({ ...a, afterHours: a.afterHours ?? 0, minResponses: a.minResponses ?? 0 })
      : null,
  };
}
