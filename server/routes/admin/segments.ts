import { z } from 'zod';
import { conditionProblems } from '../../core/conditions/validate.ts';
import { segmentIds, segmentUses, usesInWords } from '../../core/segments.ts';
import type { RouteDeps } from '../../deps.ts';
import { ApiError, invalid } from '../../http/errors.ts';
import { adminRoute, body, json, routeApp } from '../../http/routes.ts';
import { Segment, SegmentInput, SegmentListed, SegmentPatch, type SegmentUse } from '../../schema/segment.ts';
import { siteOr404 } from './sites.ts';

const list = adminRoute('get', '/sites/{siteId}/segments', 'List a site’s saved segments', {
  description: 'By name, each with the messages and release phases that use it',
  responses: { 200: json(z.object({ segments: z.array(SegmentListed) }), 'The site’s segments') },
});
const create = adminRoute('post', '/sites/{siteId}/segments', 'Save a named audience', {
  description: 'Audiences refer to it with { "$segment": "<id>" }',
  request: { body: body(SegmentInput) },
  responses: { 201: json(Segment, 'The new segment') },
});
const get = adminRoute('get', '/sites/{siteId}/segments/{segmentId}', 'One segment', {
  responses: { 200: json(SegmentListed, 'The segment and what uses it') },
});
const update = adminRoute('patch', '/sites/{siteId}/segments/{segmentId}', 'Change a segment', {
  description: 'Every message and release phase that uses it follows at once',
  request: { body: body(SegmentPatch) },
  responses: { 200: json(Segment, 'The changed segment') },
});
const remove = adminRoute('delete', '/sites/{siteId}/segments/{segmentId}', 'Delete a segment', {
  description: '409 while a message or a release phase uses it',
  responses: { 204: { description: 'Deleted' } },
});

const nameTaken = (name: string) =>
  new ApiError(409, 'duplicate_name', `this site has a segment named “${name}”`, {
    name: 'another segment of this site has this name',
  });

/**
 * /api/sites/:siteId/segments: named audiences (e.g. "Texas") that messages and release phases refer to with
 * `{ "$segment": id }`, edited in one place. Every write invalidates the site's live view, so decide
 * follows an edit at once; a segment in use cannot be deleted.
 */
export function segmentRoutes(deps: RouteDeps) {
  async function segmentOr404(siteId: string, segmentId: string): Promise<Segment> {
    const segment = await deps.store.getSegment(segmentId);
    if (segment?.siteId !== siteId) throw new ApiError(404, 'not_found', 'segment not found');
    return segment;
  }

  async function usesOf(siteId: string, segmentId: string): Promise<SegmentUse[]> {
    const [messages, releases] = await Promise.all([
      deps.store.listMessages(siteId),
      deps.store.listReleases(siteId),
    ]);
    return segmentUses(segmentId, messages, releases);
  }

  /** A segment's condition must be valid and may not refer to another segment; its name is its site's own. */
  async function assertSegment(siteId: string, input: SegmentInput, id?: string): Promise<void> {
    const problems = conditionProblems(input.condition);
    if (segmentIds(input.condition).length > 0) problems.push('a segment cannot refer to another segment');
    if (problems.length > 0)
      throw new ApiError(400, 'invalid_segment', `invalid segment: condition: ${problems[0]}`, {
        condition: problems.join('; '),
      });
    const name = input.name.toLowerCase();
    const taken = (await deps.store.listSegments(siteId)).some(
      (s) => s.id !== id && s.name.toLowerCase() === name,
    );
    if (taken) throw nameTaken(input.name);
  }

  return routeApp()
    .openapi(list, async (c) => {
      const site = await siteOr404(deps, c.req.valid('param').siteId);
      const [segments, messages, releases] = await Promise.all([
        deps.store.listSegments(site.id),
        deps.store.listMessages(site.id),
        deps.store.listReleases(site.id),
      ]);
      const listed = segments.map((s) => ({ ...s, usedBy: segmentUses(s.id, messages, releases) }));
      return c.json({ segments: listed }, 200);
    })
    .openapi(create, async (c) => {
      const site = await siteOr404(deps, c.req.valid('param').siteId);
      const input = c.req.valid('json');
      await assertSegment(site.id, input);
      const now = deps.clock().toISOString();
      const segment: Segment = {
        ...input,
        id: deps.ids('seg'),
        siteId: site.id,
        createdAt: now,
        updatedAt: now,
      };
      if (!(await deps.store.createSegment(segment))) throw nameTaken(input.name);
      return c.json(segment, 201);
    })
    .openapi(get, async (c) => {
      const { siteId, segmentId } = c.req.valid('param');
      const segment = await segmentOr404(siteId, segmentId);
      return c.json({ ...segment, usedBy: await usesOf(siteId, segment.id) }, 200);
    })
    .openapi(update, async (c) => {
      const { siteId, segmentId } = c.req.valid('param');
      const segment = await segmentOr404(siteId, segmentId);
      const { name, description, condition } = segment;
      const merged = SegmentInput.safeParse({ name, description, condition, ...c.req.valid('json') });
      if (!merged.success) throw invalid(merged.error, 'segment');
      await assertSegment(siteId, merged.data, segment.id);
      const updated: Segment = { ...segment, ...merged.data, updatedAt: deps.clock().toISOString() };
      await deps.store.updateSegment(updated);
      deps.live.invalidate(siteId);
      return c.json(updated, 200);
    })
    .openapi(remove, async (c) => {
      const { siteId, segmentId } = c.req.valid('param');
      const segment = await segmentOr404(siteId, segmentId);
      const uses = await usesOf(siteId, segment.id);
      if (uses.length > 0)
        throw new ApiError(
          409,
          'segment_in_use',
          `segment “${segment.name}” is used by ${usesInWords(uses)}`,
        );
      await deps.store.deleteSegment(segment.id);
      deps.live.invalidate(siteId);
      return c.body(null, 204);
    });
}
