/**
 * The groups an event is counted in by the rollups: everything (`*`), its phase (`p:NAME`, or `p` for an
 * event outside any phase), and for each trait the user had when the event was stored, the trait's value
 * (`t:NAME=VALUE`) and the trait as such (`t:NAME`, any value: what the "no NAME" group is the rest of).
 * Group names are plain text so that one row per (message, group, hour) holds every breakdown's counts.
 */
export const OVERALL = '*';

/** Trait names a breakdown accepts: safe to place in a group name (no `=`) and in a JSON path. */
export const TRAIT_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/**
 * Longest trait value (as text, in UTF-8 bytes) kept as a group of its own: a group name sits in a
 * primary key, and an index entry has a size limit (PostgreSQL's B-tree: about 2,700 bytes). A longer value
 * is counted under `t:NAME` only, so its events fall in no value's group, nor in "no NAME".
 */
export const MAX_GROUP_VALUE_BYTES = 512;

const encoder = new TextEncoder();

/**
 * A trait value as the group key text, as SQL's JSON readers gave it before rollups: strings as they
 * are, numbers and booleans as their JSON text, objects and arrays as JSON; null when absent or null.
 */
export function traitKey(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? null;
}

/**
 * Every group one event counts in.
 *
 * @example eventGroups('Pilot', { city: 'Austin' }) // ['*', 'p:Pilot', 't:city', 't:city=Austin']
 */
export function eventGroups(phase: string | null, traits: Record<string, unknown>): string[] {
  const groups = [OVERALL, phase === null ? 'p' : `p:${phase}`];
  for (const [name, value] of Object.entries(traits)) {
    const key = traitKey(value);
    if (key === null || !TRAIT_NAME.test(name)) continue;
    groups.push(`t:${name}`);
    if (encoder.encode(key).length <= MAX_GROUP_VALUE_BYTES) groups.push(`t:${name}=${key}`);
  }
  return groups;
}

/** What a breakdown reads: the group names' common prefix, and how to tell a group's key from its name. */
export type GroupReading = {
  /** Groups whose name starts with this belong to the breakdown (besides `*`). */
  prefix: string;
  /** The breakdown key of a group name: a value, null for the "none" group, or `undefined` to skip it. */
  keyOf(group: string): string | null | undefined;
  /** The group whose counts, taken from everything's, leave the "none" group; null when it is stored. */
  anyValue: string | null;
};

/**
 * How to read a breakdown by phase or by a trait from the stored group names.
 *
 * @example groupReading({ kind: 'trait', name: 'city' }).keyOf('t:city=Austin') // 'Austin'
 */
export function groupReading(by: { kind: 'phase' } | { kind: 'trait'; name: string }): GroupReading {
  if (by.kind === 'phase') {
    return {
      prefix: 'p',
      keyOf: (g) => (g === 'p' ? null : g.startsWith('p:') ? g.slice(2) : undefined),
      anyValue: null,
    };
  }
  const valued = `t:${by.name}=`;
  return {
    prefix: `t:${by.name}`,
    keyOf: (g) => (g.startsWith(valued) ? g.slice(valued.length) : undefined),
    anyValue: `t:${by.name}`,
  };
}

/** The hour an ISO time falls in, as the UTC text prefix `2026-11-26T10`: the rollups' time bucket. */
export function hourOf(at: string): string {
  return new Date(at).toISOString().slice(0, 13);
}
