import { describe, expect, it } from 'vitest';
import { baseRoutes } from '../test-fixtures.ts';
import { type Answer, button, byLabel, click, renderAdmin, renderAs, sessionAs, type } from '../test-kit.tsx';

const noSession = {
  'GET /api/session': [401, { error: { code: 'unauthorized', message: 'sign in' } }] as Answer,
};

describe('sign-in', () => {
  it('shows a sign-in form when there is no session', async () => {
    const app = await renderAdmin('/sites', { ...noSession });
    expect(byLabel(app.root, 'Email').getAttribute('type')).toBe('email');
    expect(byLabel(app.root, 'Password').getAttribute('type')).toBe('password');
    expect(button(app.root, 'Sign in').type).toBe('submit');
  });

  it('says so when the email and password do not match', async () => {
    const app = await renderAdmin('/sites', {
      ...noSession,
      'POST /api/session': [401, { error: { code: 'unauthorized', message: 'bad' } }],
    });
    await type(byLabel(app.root, 'Email'), 'pm@example.com');
    await type(byLabel(app.root, 'Password'), 'nope');
    await click(button(app.root, 'Sign in'));
    expect(app.root.querySelector('[role=alert]')?.textContent).toMatch(/do not match/);
  });

  it('says how long to wait when sign-in is rate limited', async () => {
    const app = await renderAdmin('/sites', {
      ...noSession,
      'POST /api/session': [
        429,
        { error: { code: 'rate_limited', message: 'slow down' } },
        { 'retry-after': '42' },
      ],
    });
    await click(button(app.root, 'Sign in'));
    expect(app.root.querySelector('[role=alert]')?.textContent).toBe(
      'Too many sign-in attempts. Try again in 42 seconds.',
    );
  });

  it('signs in, then sends the session’s CSRF token with every write', async () => {
    const app = await renderAdmin('/sites', {
      ...baseRoutes,
      ...noSession,
      'POST /api/session': sessionAs('admin'),
      'POST /api/sites': [201, { ...baseRoutes['GET /api/sites/site_1'][1], id: 'site_2', name: 'Shop' }],
    });
    await type(byLabel(app.root, 'Email'), 'admin@example.com');
    await type(byLabel(app.root, 'Password'), 'correct horse');
    await click(button(app.root, 'Sign in'));
    expect(app.root.querySelector('h1')?.textContent).toBe('Sites');
    await type(byLabel(app.root, 'Site name'), 'Shop');
    await click(button(app.root, 'Create site'));
    const create = app.seen.find((r) => r.method === 'POST' && r.path === '/api/sites');
    expect(create?.headers['x-csrf-token']).toBe('csrf-123');
    expect(create?.body).toEqual({ name: 'Shop' });
  });
});

describe('navigation', () => {
  it('offers a skip link to the main content and names the navigation', async () => {
    const app = await renderAs('admin', '/sites');
    const skip = app.root.querySelector('a.skip-link');
    expect(skip?.getAttribute('href')).toBe('#main');
    expect(app.root.querySelector('main#main')).not.toBeNull();
    expect(app.root.querySelector('nav')?.getAttribute('aria-label')).toBe('Main');
    expect(button(app.root, 'Menu').getAttribute('aria-expanded')).toBe('false');
  });

  it('shows admins the accounts and audit pages, and others not', async () => {
    const admin = await renderAs('admin', '/sites');
    const links = (root: Element) => [...root.querySelectorAll('nav a')].map((a) => a.textContent);
    expect(links(admin.root)).toEqual(expect.arrayContaining(['Accounts', 'Audit log']));
    await admin.unmount();
    const editor = await renderAs('editor', '/sites');
    expect(links(editor.root)).not.toContain('Accounts');
  });
});
