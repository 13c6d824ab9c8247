import type { Condition } from '../schema/condition.ts';
import type { Message } from '../schema/message.ts';
import type { Release } from '../schema/release.ts';
import type { Segment, SegmentUse } from '../schema/segment.ts';
import { isRecord } from './conditions/values.ts';

/** The operator that refers to a saved segment in an audience: `{ "$segment": "seg_1" }`. */
export const SEGMENT = '$segment';

const LISTS = new Set(['$and', '$or', '$nor']);

/**
 * Calls `visit` on each level of a condition where a reference may stand: the condition itself, the items
 * of its `$and`, `$or` and `$nor`, and its `$not`. (Under `$elemMatch` a condition is about an array's
 * items, not the user, so no reference stands there; `conditionProblems` refuses one.)
 */
function eachLevel(condition: Record<string, unknown>, visit: (level: Record<string, unknown>) => void) {
  visit(condition);
  for (const [key, value] of Object.entries(condition)) {
    if (LISTS.has(key) && Array.isArray(value)) {
      for (const item of value) if (isRecord(item)) eachLevel(item, visit);
    } else if (key === '$not' && isRecord(value)) eachLevel(value, visit);
  }
}

/**
 * The ids of the segments an audience refers to, once each, in the order written.
 *
 * @example segmentIds({ $or: [{ $segment: 'seg_tx' }, { plan: 'pro' }] }) // ['seg_tx']
 */
export function segmentIds(condition: Condition): string[] {
  const found = new Set<string>();
  eachLevel(condition, (level) => {
    const id = level[SEGMENT];
    if (typeof id === 'string') found.add(id);
  });
  return [...found];
}

/**
 * The audience with each reference replaced by its segment's condition: `{ $segment: 'seg_tx', plan: 'pro' }`
 * becomes `{ $and: [<Texas>, { plan: 'pro' }] }`. A reference to a segment not in `byId` is left as it is,
 * and the condition compiler lets it match no one: a segment that went away never widens an audience. An
 * audience without references comes back as the same object.
 */
export function resolveAudience(condition: Condition, byId: ReadonlyMap<string, Segment>): Condition {
  let changed = false;
  const rest: Record<string, unknown> = {};
  let segment: Condition | undefined;
  for (const [key, value] of Object.entries(condition)) {
    const found = key === SEGMENT && typeof value === 'string' ? byId.get(value) : undefined;
    if (found !== undefined) {
      segment = found.condition;
      changed = true;
    } else if (LISTS.has(key) && Array.isArray(value)) {
      const items = value.map((item) => (isRecord(item) ? resolveAudience(item, byId) : item));
      changed ||= items.some((item, i) => item !== value[i]);
      rest[key] = items;
    } else if (key === '$not' && isRecord(value)) {
      const inner = resolveAudience(value, byId);
      changed ||= inner !== value;
      rest[key] = inner;
    } else rest[key] = value;
  }
  if (!changed) return condition;
  if (segment === undefined) return rest;
  return Object.keys(rest).length === 0 ? segment : { $and: [segment, rest] };
}

/**
 * The segments an audience refers to, in words for explanations; undefined when it refers to none that
 * exists.
 *
 * @example segmentWords({ $segment: 'seg_tx' }, byId) // 'segment “Texas”'
 */
export function segmentWords(condition: Condition, byId: ReadonlyMap<string, Segment>): string | undefined {
  const names = segmentIds(condition).flatMap((id) => {
    const name = byId.get(id)?.name;
    return name === undefined ? [] : [`“${name}”`];
  });
  if (names.length === 0) return undefined;
  if (names.length === 1) return `segment ${names[0]}`;
  return `segments ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * A site's messages and releases with the segments their audiences refer to written in (what the site
 * compiler compiles, so decide never looks a segment up), and the words naming the segments behind each
 * resolved audience, for explanations.
 */
export function resolveSegments(
  messages: Message[],
  releases: Release[],
  segments: Segment[],
): { messages: Message[]; releases: Release[]; wordsOf: (audience: Condition) => string | undefined } {
  const byId = new Map(segments.map((s) => [s.id, s]));
  const words = new WeakMap<Condition, string>();
  const resolve = (audience: Condition): Condition => {
    if (byId.size === 0) return audience;
    const resolved = resolveAudience(audience, byId);
    const said = segmentWords(audience, byId);
    if (said !== undefined) words.set(resolved, said);
    return resolved;
  };
  return {
    messages: messages.map((m) => {
      const audience = resolve(m.audience);
      return audience === m.audience ? m : { ...m, audience };
    }),
    releases: releases.map((r) => {
      const phases = r.phases.map((p) => {
        const audience = resolve(p.audience);
        return audience === p.audience ? p : { ...p, audience };
      });
      return phases.every((p, i) => p === r.phases[i]) ? r : { ...r, phases };
    }),
    wordsOf: (audience) => words.get(audience),
  };
}

/**
 * Where a site's messages and release phases refer to a segment, for the admin's list and for refusing to
 * delete a segment in use.
 */
export function segmentUses(segmentId: string, messages: Message[], releases: Release[]): SegmentUse[] {
  return [
    ...messages
      .filter((m) => m.status !== 'archived' && segmentIds(m.audience).includes(segmentId))
      .map((m) => ({ kind: 'message' as const, id: m.id, name: m.name })),
    ...releases.flatMap((r) =>
      r.phases
        .filter((p) => segmentIds(p.audience).includes(segmentId))
        .map((p) => ({ kind: 'release' as const, id: r.id, name: r.name, phase: p.name })),
    ),
  ];
}

/**
 * What uses a segment, in words, as the admin and the API's refusals say it.
 *
 * @example usesInWords([{ kind: 'release', id: 'rel_1', name: 'Offline mode', phase: 'Texas' }]) // 'release “Offline mode” (phase “Texas”)'
 */
export function usesInWords(uses: SegmentUse[]): string {
  return uses
    .map((u) => `${u.kind} “${u.name}”${u.phase === undefined ? '' : ` (phase “${u.phase}”)`}`)
    .join(', ');
}
