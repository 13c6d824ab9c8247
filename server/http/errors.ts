import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import type { ErrorBody } from '../schema/error.ts';
import { QueueFull } from '../store/group-commit.ts';
import { retryAfterSeconds } from './rate-limit.ts';

/** An expected client error with Herald's error body; thrown from handlers, shaped by `onError`. */
export class ApiError extends HTTPException {
  constructor(
    status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(status, { message });
  }
}

/** Turns zod issues into `{ "a.b": "message" }`, so forms can show each problem beside its field. */
export function issueFields(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '(body)';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** A 400 naming every invalid field. */
export function invalid(error: z.ZodError, what = 'request'): ApiError {
  const fields = issueFields(error);
  const first = Object.entries(fields)[0];
  const summary = first ? `${first[0]}: ${first[1]}` : 'invalid';
  return new ApiError(400, 'invalid_request', `invalid ${what}: ${summary}`, fields);
}

/** What `hono/validator` throws for a body that is not JSON. */
const MALFORMED_JSON = 'Malformed JSON in request body';

/**
 * The one place error bodies are shaped: client errors keep their status, a full write queue is a 503 with
 * `Retry-After`; anything else is a 500 and is logged.
 */
export function onError(log: (msg: string, err: unknown) => void) {
  return function handleError(err: Error, c: Context): Response {
    if (err instanceof ApiError) {
      const body: ErrorBody = {
        error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) },
      };
      return c.json(body, err.status);
    }
    // Overload is the client's cue to come back later, not a failure: nothing of the request was stored.
    if (err instanceof QueueFull) {
      const body: ErrorBody = {
        error: {
          code: 'overloaded',
          message: 'the server is busy; nothing was stored, retry after Retry-After',
        },
      };
      return c.json(body, 503, { 'retry-after': retryAfterSeconds(err.retryAfterMs) });
    }
    // Hono's validator parses JSON bodies (after `route`'s reader checked their type); this is its refusal.
    if (err instanceof HTTPException && err.status === 400 && err.message === MALFORMED_JSON) {
      const body: ErrorBody = { error: { code: 'invalid_json', message: 'the body is not valid JSON' } };
      return c.json(body, 400);
    }
    if (err instanceof HTTPException && err.status < 500) {
      const body: ErrorBody = {
        error: { code: codeFor(err.status), message: err.message || codeFor(err.status) },
      };
      return c.json(body, err.status);
    }
    log('unhandled error', err);
    const body: ErrorBody = { error: { code: 'internal', message: 'something went wrong on our side' } };
    return c.json(body, 500);
  };
}

function codeFor(status: number): string {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  return 'bad_request';
}
