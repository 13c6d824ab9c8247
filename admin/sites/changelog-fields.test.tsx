import { describe, expect, it } from 'vitest';
import { site } from '../test-fixtures.ts';
import { button, byLabel, choose, click, renderAs, settle, type } from '../test-kit.tsx';

const digest = (smtp: boolean) => ({
  smtp,
  changelogUrl: 'http://localhost:8787/changelog/scooters',
  subscribers: { pending: 1, confirmed: 2 },
  lastRunAt: null,
});

describe('the public changelog in site settings', () => {
  it('saves the changelog slug and the digest schedule', async () => {
    const app = await renderAs('admin', '/sites/site_1/settings', {
      'GET /api/sites/site_1/digest': [200, digest(true)],
      'PATCH /api/sites/site_1': (req) => [200, { ...site, ...(req.body as object) }],
    });
    await type(byLabel(app.root, 'Changelog slug'), 'scooters');
    await choose(byLabel(app.root, 'Email digest'), 'weekly');
    await click(button(app.root, 'Save settings'));
    const patch = app.seen.find((r) => r.method === 'PATCH')?.body as Record<string, unknown>;
    expect(patch).toMatchObject({ changelogSlug: 'scooters', digest: { every: 'weekly' } });
    expect(app.root.textContent).toContain('2 confirmed subscribers, 1 waiting to confirm');
  });

  it('says that nothing is sent while SMTP is not configured, and offers no send button', async () => {
    const app = await renderAs('admin', '/sites/site_1/settings', {
      'GET /api/sites/site_1/digest': [200, digest(false)],
    });
    await settle();
    expect(app.root.querySelector('[role=note]')?.textContent).toContain('Email is not configured');
    expect(app.root.textContent).not.toContain('Send digest now');
  });

  it('sends the digest now on request and reports how many went out', async () => {
    const app = await renderAs('admin', '/sites/site_1/settings', {
      'GET /api/sites/site_1/digest': [200, digest(true)],
      'POST /api/sites/site_1/digest/send': [200, { sent: 2, unsent: 0 }],
    });
    await click(button(app.root, 'Send digest now'));
    await settle();
    expect(app.root.textContent).toContain('Sent 2 digests.');
  });
});
