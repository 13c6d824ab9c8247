import { conditionProblems } from '../../core/conditions/validate.ts';
import type { RouteDeps } from '../../deps.ts';
import { ApiError, invalid } from '../../http/errors.ts';
import { adminResource, routeApp } from '../../http/routes.ts';
import { MAX_TRIES } from '../../rollout/service.ts';
import { Release, ReleaseInput, ReleasePatch } from '../../schema/release.ts';
import { assertSegmentsExist } from './segment-refs.ts';
import { siteOr404 } from './sites.ts';

/** Loads a release or answers 404. */
export async function releaseOr404(deps: RouteDeps, id: string): Promise<Release> {
  const release = await deps.store.getRelease(id);
  if (release === null) throw new ApiError(404, 'not_found', 'release not found');
  return release;
}

/** Refuses phases whose audience is malformed or refers to a segment the site does not have. */
async function assertPhases(deps: RouteDeps, siteId: string, input: ReleaseInput): Promise<void> {
  const fields: Record<string, string> = {};
  input.phases.forEach((phase, i) => {
    const problems = conditionProblems(phase.audience);
    if (problems.length > 0) fields[`phases.${i}.audience`] = problems.join('; ');
  });
  const first = Object.entries(fields)[0];
  if (first) throw new ApiError(400, 'invalid_release', `invalid release: ${first[0]}: ${first[1]}`, fields);
  const audiences = Object.fromEntries(input.phases.map((p, i) => [`phases.${i}.audience`, p.audience]));
  await assertSegmentsExist(deps, siteId, audiences, 'invalid_release', 'release');
}

const releases = adminResource('releases', Release, '/sites/{siteId}/releases', '/releases/{id}');
const list = releases.list('List a site’s releases', 'The site’s releases');
const create = releases.create('Create a release (as a draft)', ReleaseInput, 'The new draft');
const get = releases.get('One release', 'The release with its status and current phase');
const update = releases.update('Change a release', ReleasePatch, 'The changed release');

/** /api/sites/:siteId/releases and /api/releases/:id: releases as drafts; their control comes with rollouts. */
export function releaseRoutes(deps: RouteDeps) {
  return routeApp()
    .openapi(list, async (c) => {
      const site = await siteOr404(deps, c.req.valid('param').siteId);
      return c.json({ releases: await deps.store.listReleases(site.id) }, 200);
    })
    .openapi(create, async (c) => {
      const site = await siteOr404(deps, c.req.valid('param').siteId);
      const input = c.req.valid('json');
      await assertPhases(deps, site.id, input);
      const existing = await deps.store.listReleases(site.id);
      if (existing.some((r) => r.key === input.key))
        throw new ApiError(409, 'duplicate_key', `a release with key ${input.key} exists`, {
          key: 'another release of this site has this key',
        });
      const now = deps.clock().toISOString();
      const release: Release = {
        ...input,
        id: deps.ids('rel'),
        siteId: site.id,
        status: 'draft',
        version: 0,
        currentPhase: -1,
        phaseStartedAt: null,
        history: [],
        createdAt: now,
        updatedAt: now,
      };
      await deps.store.createRelease(release);
      deps.live.invalidate(site.id);
      return c.json(release, 201);
    })
    .openapi(get, async (c) => c.json(await releaseOr404(deps, c.req.valid('param').id), 200))
    .openapi(update, async (c) => {
      let release = await releaseOr404(deps, c.req.valid('param').id);
      const patch = c.req.valid('json');
      // A patch names only the fields it changes, so when another write (a transition) came first it is
      // applied again to the fresh release: an edit never undoes a pause.
      for (let tries = 0; tries < MAX_TRIES; tries++) {
        if (tries > 0) release = await releaseOr404(deps, release.id);
        const merged = ReleaseInput.safeParse({ ...pickInput(release), ...patch });
        if (!merged.success) throw invalid(merged.error, 'release');
        await assertPhases(deps, release.siteId, merged.data);
        if (merged.data.key !== release.key)
          throw new ApiError(409, 'key_fixed', 'a release key cannot change: it salts the buckets');
        const updated: Release = { ...release, ...merged.data, updatedAt: deps.clock().toISOString() };
        const stored = await deps.store.updateRelease(updated);
        if (stored === null) continue;
        deps.live.invalidate(release.siteId);
        return c.json(stored, 200);
      }
      throw new ApiError(409, 'release_changed', 'the release kept changing meanwhile; try again');
    });
}

function pickInput(release: Release): ReleaseInput {
  const { key, name, phases, holdoutPercent, goal, guardrails, autoAdvance, verifiedOnly } = release;
  return { key, name, phases, holdoutPercent, goal, guardrails, autoAdvance, verifiedOnly };
}
