import { describe, expect, it } from 'vitest';
import type { Release, ReleaseStatus } from '../../server/schema/release.ts';
import { message } from '../test-fixtures.ts';
import { type Answer, renderAs } from '../test-kit.tsx';
import { guardrailPause, release, releaseIn, report } from './release-fixtures.ts';

const releasePage = (r: Release) =>
  renderAs('editor', '/releases/rel_1', {
    'GET /api/releases/rel_1': [200, r] as Answer,
    'GET /api/releases/rel_1/report': [200, report()] as Answer,
    'GET /api/sites/site_1/messages': [200, { messages: [] }] as Answer,
  });

describe('a paused release nobody misses', () => {
  it('puts a banner at the top of the release page with the reason, who paused it and what to do', async () => {
    const app = await releasePage(release({ ...releaseIn('paused', 0), history: guardrailPause }));
    const banner = app.root.querySelector('section[aria-labelledby=pause-title]');
    expect(banner?.querySelector('h2')?.textContent).toBe('This release is paused in “Pilot: Austin”');
    expect(banner?.textContent).toMatch(
      /^[^.]*Paused by a guardrail on .+: average rating 2\.10 fell below 3\.5 over 20 responses\./,
    );
    expect(banner?.textContent).toContain('Resume to continue the rollout, or Roll back');
    // At the top: before the rollout panel and the report, right under the heading.
    expect(app.root.querySelector('.page-head + section')).toBe(banner);
  });

  it.each<ReleaseStatus>(['active', 'draft', 'rolled_back'])(
    'shows no pause banner on a %s release',
    async (s) => {
      const app = await releasePage(releaseIn(s, 0));
      expect(app.root.querySelector('section[aria-labelledby=pause-title]')).toBeNull();
    },
  );

  it('shows the guardrails beside the gate, in words', async () => {
    const app = await releasePage(releaseIn('active', 0));
    const rollout = app.root.querySelector('section[aria-labelledby=rollout-title]');
    expect(rollout?.textContent).toContain(
      'Guardrails: pauses by itself when the average rating falls below 3.5★, or when more than 60% of impressions are dismissed, once 20 responses are in.',
    );
    expect(rollout?.textContent).toContain('Auto-advance gate:');
  });

  it.each<[ReleaseStatus, string]>([
    ['paused', 'Release paused'],
    ['draft', 'Waiting for release'],
    ['rolled_back', 'Release rolled back'],
    ['active', 'Live'],
  ])('says "%s" release → "%s" for a live message in the messages list', async (status, word) => {
    const app = await renderAs('editor', '/sites/site_1/messages', {
      'GET /api/sites/site_1/messages': [
        200,
        { messages: [{ ...message, status: 'live', releaseId: 'rel_1' }] },
      ],
      'GET /api/sites/site_1/releases': [200, { releases: [releaseIn(status, 0)] }],
    });
    await new Promise((r) => setTimeout(r, 0));
    const cells = app.root.querySelectorAll('tbody tr td');
    expect(cells[1]?.textContent).toBe(word);
  });
});
