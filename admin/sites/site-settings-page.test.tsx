import { describe, expect, it } from 'vitest';
import { baseRoutes, site } from '../test-fixtures.ts';
import { type Answer, button, byLabel, click, renderAdmin, sessionAs, type } from '../test-kit.tsx';

const routes = {
  ...baseRoutes,
  'GET /api/session': sessionAs('admin'),
  'GET /api/sites/site_1/digest': [
    200,
    { smtp: false, changelogUrl: null, subscribers: { pending: 0, confirmed: 0 }, lastRunAt: null },
  ] as Answer,
};
const errorOf = (el: HTMLElement) => document.getElementById(`${el.id}-error`)?.textContent;
const patched = (app: { seen: { method: string; body?: unknown }[] }) =>
  app.seen.find((r) => r.method === 'PATCH')?.body as Record<string, unknown> | undefined;

describe('site settings', () => {
  it("shows the server's problem with one allowed origin beside the allowed origins", async () => {
    const app = await renderAdmin('/sites/site_1/settings', {
      ...routes,
      'PATCH /api/sites/site_1': [
        400,
        { error: { code: 'invalid_site', message: 'bad', fields: { 'allowedOrigins.1': 'Invalid origin' } } },
      ],
    });
    const origins = byLabel(app.root, 'Allowed origins');
    await type(origins, 'https://app.example.com\nnot an origin');
    await click(button(app.root, 'Save settings'));
    expect(patched(app)?.allowedOrigins).toEqual(['https://app.example.com', 'not an origin']);
    expect(origins.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(origins)).toBe('Invalid origin');
  });

  it('says to enter a number in an emptied attention box, sends nothing, and sends once it is filled', async () => {
    const app = await renderAdmin('/sites/site_1/settings', {
      ...routes,
      'PATCH /api/sites/site_1': (req) => [200, { ...site, ...(req.body as object) }],
    });
    const perDay = byLabel(app.root, 'Interruptions per day at most');
    await type(perDay, '');
    await click(button(app.root, 'Save settings'));
    expect(patched(app)).toBeUndefined();
    expect(errorOf(perDay)).toBe('Enter a number.');
    await type(perDay, '5');
    await click(button(app.root, 'Save settings'));
    expect(patched(app)?.attention).toMatchObject({ maxPerDay: 5 });
    expect(errorOf(perDay)).toBeUndefined();
  });
});
