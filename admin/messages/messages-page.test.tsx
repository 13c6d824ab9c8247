import { describe, expect, it } from 'vitest';

import { button, buttonNames, click, renderAs } from '../test-kit.tsx';

describe('messages list', () => {
  it('lists kind, status, schedule and a trend per message', async () => {
    const app = await renderAs('editor', '/sites/site_1/messages', {
      'GET /api/sites/site_1/trends': [200, { days: ['d1', 'd2', 'd3'], messages: { msg_1: [1, 4, 2] } }],
    });
    const row = app.root.querySelector('tbody tr');
    expect(row?.querySelector('th a')?.textContent).toBe('Reserve ahead');
    expect(row?.textContent).toContain('Announcement');
    expect(row?.textContent).toContain('Draft');
    expect(row?.textContent).toContain('Always');
    expect(row?.querySelector('svg[role=img]')?.getAttribute('aria-label')).toBe(
      'Reserve ahead: 7 impressions in 3 days, 2 on the last day',
    );
  });

  it('offers "New message" to editors, which opens the editor', async () => {
    const app = await renderAs('editor', '/sites/site_1/messages');
    await click(button(app.root, 'New message'));
    expect(location.pathname).toBe('/admin/sites/site_1/messages/new');
    expect(app.root.querySelector('h1')?.textContent).toBe('New message');
  });

  it('hides "New message" from viewers', async () => {
    const app = await renderAs('viewer', '/sites/site_1/messages');
    expect(app.root.querySelector('h1')?.textContent).toBe('Messages');
    expect(buttonNames(app.root)).not.toContain('New message');
  });

  it.each(['viewer', 'editor'] as const)('hides site creation and site changes from a %s', async (role) => {
    const sites = await renderAs(role, '/sites');
    expect(buttonNames(sites.root)).not.toContain('Create site');
    await sites.unmount();
    const settings = await renderAs(role, '/sites/site_1/settings');
    expect(settings.root.querySelector('h1')?.textContent).toBe('Scooters settings');
    expect(buttonNames(settings.root)).not.toContain('Save settings');
  });

  it('lets an admin change a site', async () => {
    const app = await renderAs('admin', '/sites/site_1/settings');
    expect(buttonNames(app.root)).toContain('Save settings');
    expect(buttonNames(app.root)).toContain('Copy snippet');
  });
});
