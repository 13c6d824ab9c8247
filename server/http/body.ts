import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError, invalid } from './errors.ts';
import { assertNoNul } from './refuse-nul.ts';

/**
 * Reads a JSON body and parses it with a schema (CONVENTIONS #6: parse at the edge).
 * `text/plain` is accepted where `allowText` is set, because `sendBeacon` sends that to avoid a CORS preflight.
 */
export async function parseBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  allowText = false,
): Promise<z.infer<S>> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const textOk = allowText && (type === 'text/plain' || type === '');
  if (type !== 'application/json' && !textOk) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      `expected application/json${allowText ? ' or text/plain' : ''}`,
    );
  }
  const text = await c.req.text();
  assertNoNul(text);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'the body is not valid JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error, 'body');
  return parsed.data;
}

/** Parses query parameters with a schema. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw invalid(parsed.error, 'query');
  return parsed.data;
}
