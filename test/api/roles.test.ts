import { describe, expect, it } from 'vitest';
import { announcement, createSite, eachTestApp } from '../support/test-app.ts';

const t = eachTestApp();

/** A site with one draft message, made with the bearer token. */
async function siteWithDraft() {
  const site = await createSite(t);
  const message = (await t.api('POST', `/api/sites/${site.id}/messages`, announcement())).body;
  return { site, message };
}

/** Admin routes of every resource and verb, and one that does not exist. */
const ADMIN_ROUTES = [
  ['GET', '/api/sites'],
  ['POST', '/api/sites'],
  ['GET', '/api/sites/site_1'],
  ['PATCH', '/api/sites/site_1'],
  ['GET', '/api/sites/site_1/messages'],
  ['POST', '/api/sites/site_1/messages'],
  ['GET', '/api/messages/msg_1'],
  ['PATCH', '/api/messages/msg_1'],
  ['DELETE', '/api/messages/msg_1'],
  ['POST', '/api/messages/msg_1/publish'],
  ['GET', '/api/messages/msg_1/results'],
  ['GET', '/api/messages/msg_1/responses'],
  ['POST', '/api/sites/site_1/preview'],
  ['GET', '/api/sites/site_1/releases'],
  ['PATCH', '/api/releases/rel_1'],
  ['GET', '/api/accounts'],
  ['POST', '/api/accounts'],
  ['PATCH', '/api/accounts/acct_1'],
  ['GET', '/api/audit'],
  ['GET', '/api/session'],
  ['DELETE', '/api/session'],
  ['GET', '/api/no-such-route'],
] as const;

describe.each([
  ['a wrong bearer token', { authorization: 'Bearer wrong' }],
  ['a made-up session cookie', { cookie: 'herald_session=made-up' }],
])('access with %s', (_credentials, headers) => {
  it.each(ADMIN_ROUTES)('answers %s %s with 401', async (method, path) => {
    const res = await t.app.request(path, { method, headers });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthorized');
  });
});

describe('access without credentials', () => {
  it('documents sign-in as the one admin operation that needs no credentials', async () => {
    const doc = await (await t.app.request('/openapi.json')).json();
    expect(doc.paths['/api/session'].post.security).toBeUndefined();
    expect(doc.paths['/api/accounts/{id}'].patch.security).toEqual([{ bearer: [] }, { session: [] }]);
  });
});

describe('roles', () => {
  it('lets a viewer read and preview, and refuses every change with 403, changing nothing', async () => {
    const { site, message } = await siteWithDraft();
    await t.addAccount('viewer', 'v@example.com');
    const viewer = await t.signIn('v@example.com');

    for (const path of ['/api/sites', `/api/messages/${message.id}`, `/api/messages/${message.id}/results`]) {
      expect((await viewer.api('GET', path)).status).toBe(200);
    }
    const preview = await viewer.api('POST', `/api/sites/${site.id}/preview`, { messageId: message.id });
    expect(preview.status).toBe(200);

    const refused = [
      await viewer.api('POST', '/api/sites', { name: 'Nope' }),
      await viewer.api('PATCH', `/api/sites/${site.id}`, { name: 'Nope' }),
      await viewer.api('POST', `/api/sites/${site.id}/messages`, announcement()),
      await viewer.api('PATCH', `/api/messages/${message.id}`, { name: 'Nope' }),
      await viewer.api('POST', `/api/messages/${message.id}/publish`),
      await viewer.api('DELETE', `/api/messages/${message.id}`),
      await viewer.api('GET', '/api/accounts'),
      await viewer.api('GET', '/api/audit'),
    ];
    expect(refused.map((r) => [r.status, r.body.error.code])).toEqual(refused.map(() => [403, 'forbidden']));
    expect((await t.api('GET', `/api/messages/${message.id}`)).body).toEqual(message);
    expect((await t.api('GET', '/api/sites')).body.sites).toEqual([site]);
  });

  it('lets an editor write messages and releases, but not sites or accounts', async () => {
    const { site, message } = await siteWithDraft();
    await t.addAccount('editor', 'e@example.com');
    const editor = await t.signIn('e@example.com');

    expect((await editor.api('POST', `/api/sites/${site.id}/messages`, announcement())).status).toBe(201);
    expect((await editor.api('PATCH', `/api/messages/${message.id}`, { name: 'Edited' })).status).toBe(200);
    expect((await editor.api('POST', `/api/messages/${message.id}/publish`)).body.status).toBe('live');
    const release = { key: 'k', name: 'K', phases: [{ name: 'All', audience: {}, percent: 100 }] };
    expect((await editor.api('POST', `/api/sites/${site.id}/releases`, release)).status).toBe(201);

    expect((await editor.api('PATCH', `/api/sites/${site.id}`, { name: 'Renamed' })).status).toBe(403);
    const account = { email: 'x@example.com', password: 'long enough password', role: 'admin' };
    expect((await editor.api('POST', '/api/accounts', account)).status).toBe(403);
    expect((await editor.api('GET', '/api/accounts')).status).toBe(403);
  });
});

describe('accounts', () => {
  it('creates accounts with a lower-cased email, never showing a password hash', async () => {
    const created = await t.addAccount('editor', 'New.PM@Example.com');
    expect(created).toEqual({
      id: expect.any(String),
      email: 'new.pm@example.com',
      role: 'editor',
      disabled: false,
      createdAt: t.clock.now.toISOString(),
      updatedAt: t.clock.now.toISOString(),
    });
    const listed = await t.api('GET', '/api/accounts');
    expect(listed.body.accounts).toEqual([created]);
  });

  it('refuses a taken email, a short password and an unknown role', async () => {
    await t.addAccount('editor', 'pm@example.com');
    const again = await t.api('POST', '/api/accounts', {
      email: 'PM@example.com',
      password: 'another long password',
      role: 'viewer',
    });
    expect([again.status, again.body.error.code]).toEqual([409, 'duplicate_email']);
    const short = await t.api('POST', '/api/accounts', {
      email: 'b@example.com',
      password: 'short',
      role: 'viewer',
    });
    expect([short.status, Object.keys(short.body.error.fields)]).toEqual([400, ['password']]);
    const role = await t.api('POST', '/api/accounts', {
      email: 'c@example.com',
      password: 'long enough password',
      role: 'owner',
    });
    expect(role.status).toBe(400);
  });

  it('never demotes or disables the last admin', async () => {
    const first = await t.addAccount('admin', 'first@example.com');
    const demote = await t.api('PATCH', `/api/accounts/${first.id}`, { role: 'editor' });
    expect([demote.status, demote.body.error.code]).toEqual([409, 'last_admin']);
    expect((await t.api('PATCH', `/api/accounts/${first.id}`, { disabled: true })).status).toBe(409);

    await t.addAccount('admin', 'second@example.com');
    expect((await t.api('PATCH', `/api/accounts/${first.id}`, { role: 'editor' })).body.role).toBe('editor');
  });

  it('ends a disabled account’s sessions and refuses its sign-in', async () => {
    const viewer = await t.addAccount('viewer', 'v@example.com');
    const session = await t.signIn('v@example.com');
    expect((await t.api('PATCH', `/api/accounts/${viewer.id}`, { disabled: true })).body.disabled).toBe(true);
    expect((await session.api('GET', '/api/sites')).status).toBe(401);
    const again = await t.post('/api/session', {
      email: 'v@example.com',
      password: 'correct horse battery staple',
    });
    expect([again.status, again.body.error.code]).toEqual([403, 'account_disabled']);
  });

  it('signs an account out when its role changes, so the new role applies at once', async () => {
    const editor = await t.addAccount('editor', 'e@example.com');
    const session = await t.signIn('e@example.com');
    await t.api('PATCH', `/api/accounts/${editor.id}`, { role: 'viewer' });
    expect((await session.api('GET', '/api/sites')).status).toBe(401);
  });
});

describe('audit log', () => {
  it('lists every successful change with who made it, newest first, and nothing else', async () => {
    const admin = await t.addAccount('admin', 'boss@example.com');
    const session = await t.signIn('boss@example.com');
    const site = (await session.api('POST', '/api/sites', { name: 'Scooters' })).body;
    const message = (await session.api('POST', `/api/sites/${site.id}/messages`, announcement())).body;
    await t.api('PATCH', `/api/messages/${message.id}`, { name: 'Renamed', priority: 2 });
    await t.api('PATCH', `/api/messages/${message.id}`, { name: '' }); // invalid: not a change
    await session.api('GET', `/api/messages/${message.id}`); // a read: not a change
    await session.api('POST', `/api/sites/${site.id}/preview`, { messageId: message.id }); // neither
    await t.api('PATCH', `/api/accounts/${admin.id}`, { password: 'a brand new password' });

    const res = await t.api('GET', '/api/audit');
    const rows = res.body.entries.map((e: any) => [e.actor, e.action, e.target, e.detail]);
    expect(rows).toEqual([
      ['api-token', 'PATCH /api/accounts/:id', admin.id, { fields: ['password'] }],
      ['api-token', 'PATCH /api/messages/:id', message.id, { fields: ['name', 'priority'] }],
      [
        'boss@example.com',
        'POST /api/sites/:siteId/messages',
        message.id,
        { fields: Object.keys(announcement()).sort() },
      ],
      ['boss@example.com', 'POST /api/sites', site.id, { fields: ['name'] }],
      ['boss@example.com', 'POST /api/session', admin.id, { fields: ['email', 'password'] }],
      ['api-token', 'POST /api/accounts', admin.id, { fields: ['email', 'password', 'role'] }],
    ]);
    expect(res.body.entries[0].at).toBe(t.clock.now.toISOString());
    expect(JSON.stringify(res.body)).not.toContain('a brand new password');

    const page = await t.api('GET', '/api/audit?limit=2&offset=1');
    expect(page.body.entries.map((e: any) => e.action)).toEqual([
      'PATCH /api/messages/:id',
      'POST /api/sites/:siteId/messages',
    ]);
  });
});
