import { z } from 'zod';

/** Ids made by the server: a short prefix and random url-safe characters, e.g. `msg_3k…`. */
export const Id = z.string().min(1).max(64);

/** An ISO 8601 timestamp with an offset, as JSON carries time. */
export const Timestamp = z.iso.datetime({ offset: true });

/** User traits as sent by the product: flat or nested JSON values. */
export const Traits = z.record(z.string().max(100), z.unknown());
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
