import { describe, expect, it } from 'vitest';
import type { Release } from '../../server/schema/release.ts';
import { baseRoutes, message } from '../test-fixtures.ts';
import { type Answer, byLabel, click, renderAdmin, sessionAs } from '../test-kit.tsx';
import { releaseIn, report } from './release-fixtures.ts';

const stats = {
  impressions: 80,
  dismissals: 4,
  responses: 34,
  verifiedResponses: 12,
  averageRating: 4.3,
  hoursInPhase: 51,
};
const LABEL = 'Count only verified feedback in this release’s gate and guardrails';

function routes(verification: 'off' | 'optional', saved: Release[]) {
  let current: Release = releaseIn('active', 0);
  return {
    ...baseRoutes,
    'GET /api/session': sessionAs('editor'),
    'GET /api/releases/rel_1': () => [200, current] as Answer,
    'GET /api/releases/rel_1/report': [200, report({ phaseStats: stats, verification })] as Answer,
    'GET /api/sites/site_1/messages': [200, { messages: [{ ...message, releaseId: 'rel_1' }] }] as Answer,
    'PATCH /api/releases/rel_1': (req: { body?: unknown }) => {
      current = { ...current, ...(req.body as Partial<Release>) };
      saved.push(current);
      return [200, current] as Answer;
    },
  };
}

const panel = (root: Element) => root.querySelector('section[aria-labelledby=verified-title]') as HTMLElement;

describe('verified feedback on the release page', () => {
  it('shows how many of the users who answered are verified, and warns when verification is off', async () => {
    const app = await renderAdmin('/releases/rel_1', routes('off', []));
    expect(panel(app.root).textContent).toContain('12 of 34 users who answered are verified (35%).');
    expect(panel(app.root).querySelector('[role=note]')?.textContent).toContain('identity verification off');
  });

  it('does not warn on a site with verification on', async () => {
    const app = await renderAdmin('/releases/rel_1', routes('optional', []));
    expect(panel(app.root).querySelector('[role=note]')).toBeNull();
  });

  it('lets the release count only verified feedback', async () => {
    const saved: Release[] = [];
    const app = await renderAdmin('/releases/rel_1', routes('optional', saved));
    const box = byLabel(panel(app.root), LABEL) as HTMLInputElement;
    expect(box.checked).toBe(false);
    await click(box);
    expect(saved.map((r) => r.verifiedOnly)).toEqual([true]);
    expect((byLabel(panel(app.root), LABEL) as HTMLInputElement).checked).toBe(true);
  });
});
