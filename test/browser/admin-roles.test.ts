import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN, adminEnv } from '../support/admin-browser.ts';

const VIEWER = { email: 'viewer@herald.test', password: 'a long viewer password 42' };
const LAUNCH = 'Reserve ahead — Austin launch';

/** Every admin API route (besides signing in) as the server registers it, in the OpenAPI document's style. */
const ROUTES = [
  'GET /api/session',
  'DELETE /api/session',
  'GET /api/sites',
  'POST /api/sites',
  'GET /api/sites/{siteId}',
  'PATCH /api/sites/{siteId}',
  'GET /api/sites/{siteId}/messages',
  'POST /api/sites/{siteId}/messages',
  'GET /api/messages/{messageId}',
  'PATCH /api/messages/{messageId}',
  'DELETE /api/messages/{messageId}',
  'POST /api/messages/{messageId}/publish',
  'POST /api/messages/{messageId}/pause',
  'POST /api/messages/{messageId}/archive',
  'GET /api/messages/{messageId}/results',
  'GET /api/messages/{messageId}/responses',
  'GET /api/messages/{messageId}/timeseries',
  'GET /api/sites/{siteId}/releases',
  'POST /api/sites/{siteId}/releases',
  'GET /api/releases/{releaseId}',
  'PATCH /api/releases/{releaseId}',
  'POST /api/releases/{releaseId}/advance',
  'POST /api/releases/{releaseId}/pause',
  'POST /api/releases/{releaseId}/resume',
  'POST /api/releases/{releaseId}/rollback',
  'POST /api/releases/{releaseId}/complete',
  'GET /api/releases/{releaseId}/report',
  'POST /api/sites/{siteId}/preview',
  'POST /api/sites/{siteId}/audience-estimate',
  'GET /api/sites/{siteId}/trends',
  'GET /api/sites/{siteId}/users/{key}',
  'GET /api/sites/{siteId}/demo-data',
  'DELETE /api/sites/{siteId}/demo-data',
  'GET /api/accounts',
  'POST /api/accounts',
  'PATCH /api/accounts/{accountId}',
  'GET /api/audit',
];

type Reply = { status: number; code: string | undefined };

/** Sends a JSON request from inside the page (with its session cookie), with or without a CSRF token. */
function send(page: Page, method: string, path: string, body: unknown, csrf: string | null): Promise<Reply> {
  return page.evaluate(
    async ({ method, path, body, csrf }) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (csrf !== null) headers['x-csrf-token'] = csrf;
      const res = await fetch(path, { method, headers, body: JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, code: text ? JSON.parse(text).error?.code : undefined };
    },
    { method, path, body, csrf },
  );
}

/** The CSRF token of the page's session, as the admin page gets it. */
const csrfOf = (page: Page): Promise<string> =>
  page.evaluate(async () => (await (await fetch('/api/session')).json()).csrfToken as string);

describe('who may change what in the admin', () => {
  const env = adminEnv();

  it('shows a viewer no control that changes anything, and answers 403 to the viewer’s writes', async () => {
    const { server } = env;
    const created = await server.api('POST', '/api/accounts', { ...VIEWER, role: 'viewer' });
    expect(created.status).toBe(201);
    const site = await server.demoSite();
    const launch = await server.messageId(LAUNCH);
    const before = (await server.api('GET', `/api/messages/${launch}`)).body;

    const { page } = await env.signedIn(VIEWER);
    await page.getByRole('link', { name: LAUNCH, exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'New message' }).count()).toBe(0);
    for (const link of ['Accounts', 'Audit log'])
      expect(await page.getByRole('link', { name: link, exact: true }).count()).toBe(0);

    await page.getByRole('link', { name: LAUNCH, exact: true }).click();
    await page.getByRole('heading', { name: LAUNCH, exact: true }).waitFor();
    await page.getByRole('link', { name: 'Results' }).waitFor();
    for (const name of ['Save', 'Publish', 'Pause', 'Archive', 'Delete'])
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    expect(await page.getByLabel('Message name', { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Add condition' }).isDisabled()).toBe(true);

    await page.getByRole('link', { name: 'All sites' }).click();
    await page.getByRole('link', { name: `Settings for ${site.name}` }).click();
    await page.getByRole('heading', { name: `${site.name} settings` }).waitFor();
    expect(await page.getByRole('button', { name: 'Save settings' }).count()).toBe(0);
    expect(await page.getByLabel('Site name', { exact: true }).isDisabled()).toBe(true);
    await page.getByRole('link', { name: 'All sites' }).click();
    await page.getByRole('heading', { name: 'Sites', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Create site' }).count()).toBe(0);

    // The server refuses what the page does not offer, even with the viewer's own CSRF token.
    const csrf = await csrfOf(page);
    const writes: [string, string, unknown][] = [
      ['PATCH', `/api/messages/${launch}`, { name: 'Changed by a viewer' }],
      ['POST', `/api/messages/${launch}/archive`, {}],
      ['DELETE', `/api/messages/${launch}`, {}],
      ['POST', `/api/sites/${site.id}/messages`, { ...before, name: 'A viewer’s message' }],
      ['POST', '/api/sites', { name: 'A viewer’s site' }],
      ['PATCH', `/api/sites/${site.id}`, { name: 'Renamed by a viewer' }],
      ['POST', '/api/accounts', { email: 'x@herald.test', password: 'long enough password', role: 'admin' }],
    ];
    for (const [method, path, body] of writes)
      expect(await send(page, method, path, body, csrf), `${method} ${path}`).toEqual({
        status: 403,
        code: 'forbidden',
      });
    expect((await server.api('GET', `/api/messages/${launch}`)).body).toEqual(before);
    const sites = (await server.api('GET', '/api/sites')).body.sites as { name: string }[];
    expect(sites.map((s) => s.name)).toEqual([site.name]);
  });

  it('answers 401 on every /api route without a session or a token', async () => {
    const { server } = env;
    const site = await server.demoSite();
    // Each `{…}` stands for a real id of the collection it follows, so a 401 is not a 404 in disguise.
    const ids: Record<string, string> = {
      sites: site.id,
      messages: await server.messageId(LAUNCH),
      releases: (await server.api('GET', `/api/sites/${site.id}/releases`)).body.releases[0].id,
      accounts: (await server.api('GET', '/api/accounts')).body.accounts[0].id,
      users: 'u_austin_1',
    };
    // Whatever the OpenAPI document lists is checked too, so a documented route cannot be missed here.
    const documented = Object.entries((await server.api('GET', '/openapi.json')).body.paths as object)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .filter((route) => route !== 'POST /api/session');
    const routes = [...new Set([...ROUTES, ...documented].map((r) => r.replace(/\{\w+\}/g, '{}')))];

    const answered: string[] = [];
    for (const route of routes) {
      const [method = 'GET', pattern = ''] = route.split(' ');
      const path = pattern.replace(/\/(\w+)\/\{\}/g, (_, c: string) => `/${c}/${ids[c]}`);
      for (const authorization of [undefined, 'Bearer not-the-token']) {
        const res = await fetch(server.base + path, {
          method,
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
          ...(method === 'GET' ? {} : { body: '{}' }),
        });
        const body = await res.json().catch(() => null);
        if (res.status !== 401 || body?.error?.code !== 'unauthorized')
          answered.push(`${route} (${authorization ?? 'no credentials'}) → ${res.status}`);
      }
    }
    expect(answered).toEqual([]);
    expect((await server.api('GET', `/api/sites/${site.id}`)).body.name).toBe(site.name);
  });

  it('refuses a state-changing request that comes with the session cookie but without the CSRF token', async () => {
    const { server } = env;
    const site = await server.demoSite();
    const count = (await server.api('GET', '/api/sites')).body.sites.length;
    const { page } = await env.signedIn(ADMIN);

    const rename = { name: 'Renamed without a CSRF token' };
    for (const csrf of [null, 'not-the-token']) {
      expect(await send(page, 'PATCH', `/api/sites/${site.id}`, rename, csrf)).toEqual({
        status: 403,
        code: 'csrf_failed',
      });
      expect(await send(page, 'POST', '/api/sites', { name: 'Made without a CSRF token' }, csrf)).toEqual({
        status: 403,
        code: 'csrf_failed',
      });
    }
    expect((await server.api('GET', `/api/sites/${site.id}`)).body.name).toBe(site.name);
    expect((await server.api('GET', '/api/sites')).body.sites).toHaveLength(count);

    // The same session with its token may write: the refusal was the missing token's.
    const same = { name: site.name };
    expect((await send(page, 'PATCH', `/api/sites/${site.id}`, same, await csrfOf(page))).status).toBe(200);
  });
});
