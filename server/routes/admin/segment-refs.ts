import { segmentIds } from '../../core/segments.ts';
import type { RouteDeps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import type { Condition } from '../../schema/condition.ts';

/**
 * Refuses audiences that refer to a segment their site does not have, with a 400 naming each field
 * (`audience`, `phases.1.audience`): a typo in an id would otherwise quietly match no one.
 *
 * @example await assertSegmentsExist(deps, site.id, { audience: input.audience }, 'invalid_message', 'message')
 */
export async function assertSegmentsExist(
  deps: RouteDeps,
  siteId: string,
  audiences: Record<string, Condition>,
  code: string,
  what: string,
): Promise<void> {
  const wanted = Object.entries(audiences).map(([field, audience]) => [field, segmentIds(audience)] as const);
  if (wanted.every(([, ids]) => ids.length === 0)) return;
  const known = new Set((await deps.store.listSegments(siteId)).map((s) => s.id));
  const fields: Record<string, string> = {};
  for (const [field, ids] of wanted) {
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length > 0) fields[field] = `no segment ${missing.join(', ')} on this site`;
  }
  const first = Object.entries(fields)[0];
  if (first !== undefined) throw new ApiError(400, code, `invalid ${what}: ${first[0]}: ${first[1]}`, fields);
}
