import { z } from 'zod';

/** Ids made by the server: a short prefix and random url-safe characters, e.g. `msg_3k…`. */
export const Id = z.string().min(1).max(64);

/** An ISO 8601 timestamp with an offset, as JSON carries time. */
export const Timestamp = z.iso.datetime({ offset: true });

/** When a stored thing was made and last changed, both set by the server: spread into its schema. */
export const timestamps = { createdAt: Timestamp, updatedAt: Timestamp };

/**
 * Bounds on the traits a product (or anyone with its public key) may send: enough for real profiles,
 * small enough that traits cannot be used to store megabytes per user or to exhaust a stack.
 * `depth` 2 allows `address.city` but not `address.geo.lat`.
 */
export const TRAIT_LIMITS = { keys: 50, keyLength: 100, stringLength: 1000, depth: 2 } as const;

/** One broken trait bound: where (a path below the traits) and what. */
export type TraitProblem = { path: (string | number)[]; message: string };

/**
 * Every way `traits` breaks `TRAIT_LIMITS` (the first 10), each with the path of the offending value,
 * so a 400 can name the field. Iterative, so hostile nesting cannot overflow the stack.
 *
 * @example traitProblems({ bio: 'x'.repeat(1001) }) // [{ path: ['bio'], message: 'must be at most 1000 characters' }]
 */
export function traitProblems(traits: Record<string, unknown>): TraitProblem[] {
  const problems: TraitProblem[] = [];
  const stack: [unknown, (string | number)[]][] = [[traits, []]];
  while (stack.length > 0 && problems.length < 10) {
    const [value, path] = stack.pop() as [unknown, (string | number)[]];
    if (typeof value === 'string' && value.length > TRAIT_LIMITS.stringLength)
      problems.push({ path, message: `must be at most ${TRAIT_LIMITS.stringLength} characters` });
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= TRAIT_LIMITS.depth) {
      problems.push({ path, message: `traits may nest at most ${TRAIT_LIMITS.depth} levels` });
      continue;
    }
    // An array's items count as its keys: 50 tags, not 50,000.
    const entries = Object.entries(value);
    if (entries.length > TRAIT_LIMITS.keys)
      problems.push({
        path,
        message: `may have at most ${TRAIT_LIMITS.keys} ${Array.isArray(value) ? 'items' : 'keys'}`,
      });
    for (const [key, child] of entries) {
      if (key.length > TRAIT_LIMITS.keyLength)
        problems.push({
          path: [...path, key.slice(0, 20)],
          message: `a key may be at most ${TRAIT_LIMITS.keyLength} characters`,
        });
      else stack.push([child, [...path, Array.isArray(value) ? Number(key) : key]]);
    }
  }
  return problems;
}

/** User traits as sent by the product: JSON values within `TRAIT_LIMITS`; a 400 names each offending field. */
export const Traits = z.record(z.string(), z.unknown()).superRefine((traits, ctx) => {
  for (const { path, message } of traitProblems(traits)) ctx.addIssue({ code: 'custom', path, message });
});
export type Traits = z.infer<typeof Traits>;

/** Who a request or event is about: a known user id, an anonymous id made by the widget, or both. */
export const UserRef = z
  .object({
    id: z.string().min(1).max(200).optional(),
    anonymousId: z.string().min(1).max(200).optional(),
  })
  .refine((u) => u.id !== undefined || u.anonymousId !== undefined, {
    message: 'user needs an id or an anonymousId',
  });
export type UserRef = z.infer<typeof UserRef>;

/**
 * The shape of a PATCH body: every field optional and *without* its default, so that a field the client
 * left out stays as it was instead of being reset.
 */
export function patchOf<T extends z.ZodRawShape>(shape: T) {
  const out: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(shape)) {
    out[key] = (
      field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)
    ).optional();
  }
  return z.object(out as { [K in keyof T]: z.ZodOptional<T[K]> }).strict();
}
