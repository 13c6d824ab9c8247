import { ApiError } from '../api/client.ts';

/** Problems keyed by dotted path, as the server's 400 names them (`content.en.title`, `audience`). */
export type FieldErrors = Record<string, string>;

/**
 * The element id of the control for a path, so error summaries can link to it.
 *
 * @example fieldId('content.en.title') // 'f-content-en-title'
 */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^a-zA-Z0-9_-]+/g, '-')}`;
}

/**
 * The problem to show beside the field at `path`: its own, or the first of anything inside it
 * (`allowedOrigins.2` shows beside the allowed origins).
 */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  if (errors[path] !== undefined) return errors[path];
  const inside = Object.keys(errors).find((k) => k.startsWith(`${path}.`) || k.startsWith(`${path}[`));
  return inside === undefined ? undefined : errors[inside];
}

/** What went wrong, in words, and the per-field problems when the server named them. */
export function problemOf(e: unknown): { message: string; fields: FieldErrors } {
  if (e instanceof ApiError) {
    const count = Object.keys(e.fields).length;
    const message =
      count > 0 ? `Could not save: ${count === 1 ? '1 problem' : `${count} problems`} to fix.` : e.message;
    return { message, fields: e.fields };
  }
  return { message: e instanceof Error ? e.message : 'Something went wrong.', fields: {} };
}

/**
 * Loads what a page shows into `into`; when the request fails, `problem` says why in words (and is
 * cleared when it succeeds). Whether it succeeded is the answer.
 *
 * @example await loadInto(list, () => api.sites.list(), error)
 */
export async function loadInto<T>(
  into: { value: T },
  request: () => Promise<T>,
  problem: { value: string | null },
): Promise<boolean> {
  try {
    into.value = await request();
    problem.value = null;
    return true;
  } catch (e) {
    problem.value = problemOf(e).message;
    return false;
  }
}

/**
 * Waits for loads that run side by side and gives the first one's problem, or null: one part failing
 * neither stops the others nor hides that something failed.
 *
 * @example error.value = await firstProblem([loadSummary(), loadSeries()]);
 */
export async function firstProblem(loads: readonly Promise<unknown>[]): Promise<string | null> {
  const parts = await Promise.allSettled(loads);
  const failed = parts.find((p): p is PromiseRejectedResult => p.status === 'rejected');
  return failed ? problemOf(failed.reason).message : null;
}
