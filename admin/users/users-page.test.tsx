import { describe, expect, it } from 'vitest';
import type { UserLookup } from '../../server/schema/insights.ts';

import { button, byLabel, click, renderAs, type } from '../test-kit.tsx';

const austin: UserLookup = {
  key: 'u_42',
  traits: { city: 'Austin', plan: 'pro' },
  lastSeenAt: '2026-11-26T10:00:00.000Z',
  releases: [
    {
      id: 'rel_1',
      key: 'reserve-ahead',
      name: 'Reserve ahead',
      enabled: false,
      phase: null,
      holdout: true,
      why: 'holdout',
      reason: 'held out (reached in phase “Pilot: Austin”), kept from the release to measure its lift',
    },
  ],
  messages: [
    {
      id: 'msg_1',
      name: 'Reserve ahead',
      kind: 'survey',
      impressions: 2,
      lastSeenAt: '2026-11-26T10:00:00.000Z',
      dismissedAt: null,
      clickedAt: null,
      respondedAt: '2026-11-26T10:01:00.000Z',
      responses: [{ value: 4, text: 'Handy', at: '2026-11-26T10:01:00.000Z' }],
      shown: false,
      reason: 'answered',
      detail: 'the user already answered',
    },
  ],
};

describe('user lookup', () => {
  it('shows a user’s traits, releases and the messages they saw and answered', async () => {
    const app = await renderAs('viewer', '/sites/site_1/users', {
      'GET /api/sites/site_1/users/u_42': [200, austin],
    });
    await type(byLabel(app.root, 'User id or anonymous id'), 'u_42');
    await click(button(app.root, 'Look up'));
    expect(location.search).toBe('?key=u_42');
    expect(app.root.textContent).toContain('Austin');
    expect(app.root.querySelector('[aria-labelledby=releases-title]')?.textContent).toContain(
      'held out (reached in phase “Pilot: Austin”)',
    );
    const row = app.root.querySelector('[aria-labelledby=user-messages-title] tbody tr')?.textContent ?? '';
    expect(row).toContain('Handy');
    expect(row).toContain('No: This user already answered it.');
  });

  it('says when the site never saw the user', async () => {
    const app = await renderAs('viewer', '/sites/site_1/users?key=nobody');
    expect(app.root.querySelector('.alert')?.textContent).toMatch(/never seen a user/);
  });
});
