import { describe, expect, it } from 'vitest';
import { nodePasswords } from '../../server/node/passwords.ts';
import { CLIENT_IP_HEADER, eachTestApp, PASSWORD, testApp } from '../support/test-app.ts';

const t = eachTestApp();

/** `POST /api/session` on `on` (the test's app unless given). */
const signInRequest = (email: string, password: string, headers: Record<string, string> = {}, on = t) =>
  on.app.request('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });

describe('signing in and out', () => {
  it('signs in with email and password, tells who is signed in, and signs out', async () => {
    const account = await t.addAccount('editor', 'pm@example.com');
    const session = await t.signIn('PM@example.com ');
    expect(session.account).toEqual(account);
    expect(session.csrfToken).toMatch(/^[\w-]{40,}$/);

    const me = await session.api('GET', '/api/session');
    expect(me.body).toEqual({ account, csrfToken: session.csrfToken, publicUrl: 'http://localhost:8787' });
    expect((await session.api('GET', '/api/sites')).status).toBe(200);

    const out = await session.api('DELETE', '/api/session');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/herald_session=;.*Max-Age=0/i);
    expect((await session.api('GET', '/api/sites')).status).toBe(401);
    expect((await session.api('GET', '/api/session')).status).toBe(401);
  });

  it('answers a wrong password and an unknown email alike, with 401', async () => {
    await t.addAccount('editor', 'pm@example.com');
    const wrong = await signInRequest('pm@example.com', 'not the password at all');
    const unknown = await signInRequest('nobody@example.com', PASSWORD);
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    const [a, b] = [await wrong.json(), await unknown.json()];
    expect(a).toEqual(b);
    expect(a.error).toEqual({ code: 'invalid_credentials', message: 'wrong email or password' });
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('sets the session cookie HttpOnly, SameSite=Strict and for 12 hours, Secure only over https', async () => {
    await t.addAccount('viewer', 'v@example.com');
    const plain = (await signInRequest('v@example.com', PASSWORD)).headers.get('set-cookie') ?? '';
    expect(plain).toMatch(/^herald_session=[\w-]{40,};/);
    expect(plain).toMatch(/; HttpOnly/);
    expect(plain).toMatch(/; SameSite=Strict/);
    expect(plain).toMatch(/; Path=\//);
    expect(plain).toMatch(/; Max-Age=43200/);
    expect(plain).not.toMatch(/Secure/);

    const proxied = await signInRequest('v@example.com', PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(proxied.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('keeps only a hash of the session token in the database', async () => {
    const account = await t.addAccount('viewer', 'v@example.com');
    const session = await t.signIn('v@example.com');
    const token = session.cookie.split('=')[1] ?? '';
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
    const hash = Buffer.from(digest).toString('hex');
    expect(await t.store.getSession(token, t.clock.now.toISOString())).toBeNull();
    expect((await t.store.getSession(hash, t.clock.now.toISOString()))?.accountId).toBe(account.id);
  });

  it('ends a session after 12 hours', async () => {
    await t.addAccount('viewer', 'v@example.com');
    const session = await t.signIn('v@example.com');
    t.clock.advance(12 * 60 * 60 * 1000 - 1);
    expect((await session.api('GET', '/api/sites')).status).toBe(200);
    t.clock.advance(1);
    expect((await session.api('GET', '/api/sites')).status).toBe(401);
  });
});

describe('session fixation', () => {
  it('gives a new session id at sign-in and ends the session the browser brought with it', async () => {
    await t.addAccount('viewer', 'v@example.com');
    await t.addAccount('admin', 'a@example.com');
    // A planted cookie (say, the attacker's own session) rides along with the victim's sign-in.
    const planted = await t.signIn('v@example.com');
    const res = await signInRequest('a@example.com', PASSWORD, { cookie: planted.cookie });
    expect(res.status).toBe(200);
    const fresh = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(fresh).toMatch(/^herald_session=[\w-]{40,}$/);
    expect(fresh).not.toBe(planted.cookie);
    // The planted id signs no one in any more; the new one is the admin's.
    expect((await planted.api('GET', '/api/session')).status).toBe(401);
    const me = await t.app.request('/api/session', { headers: { cookie: fresh } });
    expect(((await me.json()) as any).account.email).toBe('a@example.com');
  });

  it('ignores a made-up session id at sign-in and issues one of its own', async () => {
    await t.addAccount('admin', 'a@example.com');
    const made = 'herald_session=attacker-chosen-value-0123456789abcdefghijklmnop';
    const res = await signInRequest('a@example.com', PASSWORD, { cookie: made });
    const fresh = (res.headers.get('set-cookie') ?? '').split(';')[0];
    expect(fresh).not.toBe(made);
    expect((await t.app.request('/api/session', { headers: { cookie: made } })).status).toBe(401);
  });
});

describe('sign-in limits', () => {
  it('refuses a 6th attempt within 15 minutes after 5 failures for one email, even with the right password', async () => {
    await t.addAccount('admin', 'a@example.com');
    for (let i = 0; i < 5; i++) {
      expect((await signInRequest('a@example.com', `wrong password ${i}`)).status).toBe(401);
    }
    const blocked = await signInRequest('a@example.com', PASSWORD);
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).error.code).toBe('too_many_attempts');
    expect(Number(blocked.headers.get('retry-after'))).toBe(15 * 60);

    t.clock.advance(15 * 60 * 1000);
    expect((await signInRequest('a@example.com', PASSWORD)).status).toBe(200);
  });

  it('refuses an address after 20 failures across emails, without touching other addresses', async () => {
    // 22 failed sign-ins: a cheap hash keeps this test fast; the limit does not depend on the cost.
    const cheap = await testApp({ passwords: nodePasswords({ N: 2 ** 10, r: 8, p: 1 }) });
    const from = (ip: string) => ({ [CLIENT_IP_HEADER]: ip });
    try {
      for (let i = 0; i < 20; i++) {
        expect((await signInRequest(`guess${i}@example.com`, 'x', from('203.0.113.9'), cheap)).status).toBe(
          401,
        );
      }
      expect((await signInRequest('guess99@example.com', 'x', from('203.0.113.9'), cheap)).status).toBe(429);
      expect((await signInRequest('guess99@example.com', 'x', from('198.51.100.1'), cheap)).status).toBe(401);
    } finally {
      await cheap.close();
    }
  });
});

describe('CSRF protection', () => {
  it('refuses a state-changing request with the cookie but without the CSRF token, and changes nothing', async () => {
    await t.addAccount('admin', 'a@example.com');
    const session = await t.signIn('a@example.com');
    const res = await session.api('POST', '/api/sites', { name: 'Sneaky' }, { csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_failed');
    expect((await t.api('GET', '/api/sites')).body.sites).toEqual([]);

    expect((await session.api('POST', '/api/sites', { name: 'Mine' })).status).toBe(201);
  });

  it('refuses a CSRF token that belongs to another session', async () => {
    await t.addAccount('admin', 'a@example.com');
    const [one, two] = [await t.signIn('a@example.com'), await t.signIn('a@example.com')];
    const res = await t.app.request('/api/sites', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: one.cookie, 'x-csrf-token': two.csrfToken },
      body: JSON.stringify({ name: 'Crossed' }),
    });
    expect(res.status).toBe(403);
  });

  it('does not ask bearer-token requests for a CSRF token', async () => {
    expect((await t.api('POST', '/api/sites', { name: 'Scripted' })).status).toBe(201);
  });
});
