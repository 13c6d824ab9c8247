import { z } from 'zod';

/** Ids made by the server: a short prefix and random url-safe characters, e.g. `msg_3k…`. */
export const Id = z.string().min(1).max(64);

/** An ISO 8601 timestamp with an offset, as JSON carries time. */
export const Timestamp = z.iso.datetime({ offset: true });

/** How deep traits may nest: enough for `address.city`, far from what could exhaust a stack. */
const MAX_TRAIT_DEPTH = 8;

/** Whether a JSON value nests at most `max` levels; iterative, so hostile input cannot overflow the stack. */
export function withinDepth(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return false;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return true;
}

/** User traits as sent by the product: flat or nested JSON values, at most 8 levels deep. */
export const Traits = z
  .record(z.string().max(100), z.unknown())
  .refine((t) => withinDepth(t, MAX_TRAIT_DEPTH), `traits may nest at most ${MAX_TRAIT_DEPTH} levels`);
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
