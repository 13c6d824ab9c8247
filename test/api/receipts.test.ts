import { randomBytes } from 'node:crypto';
import { sign } from 'hono/jwt';
import { expect, it } from 'vitest';
import { signReceipt } from '../../server/http/receipts.ts';
import type { Site } from '../../server/schema/site.ts';
import { eachStore } from '../support/both-stores.ts';
import { createSite, publishMessage, surveyInput } from '../support/test-app.ts';

const DAY = 24 * 3_600_000;
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * `text` with the character at `i` (from the end) replaced by another one of the base64url alphabet whose
 * top bit differs. The last character of a base64url segment carries unused low bits ('A' and 'B' end a
 * 32-byte signature identically), so flipping only those would leave the same bytes, not a tampered token.
 */
function flip(text: string, i: number): string {
  const at = text.length - 1 - (i % text.length);
  const value = BASE64URL.indexOf(text[at] as string);
  const c = value < 0 ? 'A' : BASE64URL[value ^ 32];
  return text.slice(0, at) + c + text.slice(at + 1);
}

eachStore('receipts and identity tokens', (t) => {
  async function surveySite(fields: Record<string, unknown> = {}) {
    const site = await createSite(t, fields);
    const survey = await publishMessage(t, site.id, surveyInput());
    return { site, survey };
  }
  const decide = async (site: Site, user: Record<string, unknown>) => {
    const res = await t.post('/v1/decide', { site: site.publicKey, user });
    expect(res.status).toBe(200);
    return res.body as { messages: { id: string; receipt: string }[]; receipt: string };
  };
  const event = (messageId: string | undefined, user: Record<string, string>, receipt?: string) => ({
    id: crypto.randomUUID(),
    ...(messageId === undefined
      ? { type: 'track', name: 'reservation_made' }
      : { type: 'impression', messageId }),
    at: t.clock.now.toISOString(),
    user,
    ...(receipt === undefined ? {} : { receipt }),
  });

  it('refuses 1,000 forged, tampered, expired, wrongly signed, cross-site and misdirected receipts; valid ones count', async () => {
    const { site, survey } = await surveySite();
    const other = await surveySite({ name: 'Other' });
    const user = { id: 'u_1' };
    const good = (await decide(site, user)).messages[0]?.receipt as string;
    const crossSite = (await decide(other.site, user)).messages[0]?.receipt as string;
    const claim = { siteId: site.id, userKey: 'u_1', messageId: survey, verified: false };
    const now = t.clock.now.getTime();
    const [head] = good.split('.').slice(0, 1);
    const makers: ((i: number) => Promise<string> | string)[] = [
      // Forged: the right shape, a random MAC.
      (i) => `${head}.0.${randomBytes(16).toString('base64url')}`.slice(0, good.length - (i % 2)),
      // Tampered: one character of the MAC, the time or the verified flag changed.
      (i) => flip(good, i % 22),
      (i) => `${(Number.parseInt(head ?? '0', 36) - 1 - i).toString(36)}${good.slice(head?.length)}`,
      () => good.replace('.0.', '.1.'),
      // Expired: signed with the site's own secret, more than 30 days ago.
      (i) => signReceipt(site.secret, { ...claim, issuedAt: now - 31 * DAY - i * 60_000 }),
      // From the future, beyond clock skew.
      (i) => signReceipt(site.secret, { ...claim, issuedAt: now + DAY + i }),
      // Wrongly signed: another secret, the other site's secret.
      (i) => signReceipt(`sk_wrong_${i}`, { ...claim, issuedAt: now }),
      () => signReceipt(other.site.secret, { ...claim, issuedAt: now }),
      // Cross-site: the other site's own receipt for the same user.
      () => crossSite,
      // Misdirected: this site's secret, but another user, message or site.
      (i) => signReceipt(site.secret, { ...claim, userKey: `u_${i + 2}`, issuedAt: now }),
      (i) => signReceipt(site.secret, { ...claim, messageId: `msg_${i}`, issuedAt: now }),
      () => signReceipt(site.secret, { ...claim, siteId: other.site.id, issuedAt: now }),
      // Junk.
      (i) => ['', '.', 'a.b.c', good.toUpperCase(), `${good}=`, ` ${good}`][i % 6] as string,
    ];
    const bad = await Promise.all(
      Array.from(
        { length: 1000 },
        (_, i) => makers[i % makers.length]?.(Math.floor(i / makers.length)) ?? '',
      ),
    );
    expect(bad).not.toContain(good);
    const before = await t.store.countEvents();
    for (let i = 0; i < bad.length; i += 100) {
      const events = bad.slice(i, i + 100).map((r) => event(survey, user, r));
      const res = await t.post('/v1/events', { site: site.publicKey, events });
      expect(res.body).toEqual({ accepted: 0, duplicates: 0, ignored: 100 });
    }
    expect(await t.store.countEvents()).toBe(before);
    // The valid receipt counts, for its user whether named by id or with their anonymous id too.
    const valid = [event(survey, user, good), event(survey, { id: 'u_1', anonymousId: 'a_1' }, good)];
    expect((await t.post('/v1/events', { site: site.publicKey, events: valid })).body).toEqual({
      accepted: 2,
      duplicates: 0,
    });
  });

  it('refuses 1,000 forged, tampered, expired, wrongly signed and cross-site identity tokens; valid ones work', async () => {
    const { site } = await surveySite({ identityVerification: 'required' });
    const other = await surveySite({ name: 'Other', identityVerification: 'required' });
    // Token expiry is checked against the real clock (hono/jwt), not the app's.
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const claims = { sub: 'u_1', traits: { city: 'Austin' }, exp };
    const good = await sign(claims, site.secret, 'HS256');
    const [h, , s] = good.split('.');
    const makers: ((i: number) => Promise<string> | string)[] = [
      (i) => `${h}.${b64({ ...claims, sub: `u_${i}` })}.${randomBytes(32).toString('base64url')}`,
      (i) => `${h}.${b64({ ...claims, traits: { city: `City ${i}` } })}.${s}`,
      (i) => flip(good, i % 43),
      (i) => sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 - i }, site.secret, 'HS256'),
      (i) => sign({ ...claims, sub: `u_${i}` }, `sk_wrong_${i}`, 'HS256'),
      (i) => sign({ ...claims, sub: `u_${i}` }, other.site.secret, 'HS256'),
      (i) => sign({ ...claims, sub: `u_${i}` }, site.secret, 'HS512'),
      (i) => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, sub: `u_${i}` })}.`,
      () => sign({ traits: { city: 'Austin' }, exp }, site.secret, 'HS256'),
      (i) => ['', 'abc', `${good}.x`, good.slice(0, -2), `${h}..${s}`][i % 5] as string,
    ];
    const bad = await Promise.all(
      Array.from(
        { length: 1000 },
        (_, i) => makers[i % makers.length]?.(Math.floor(i / makers.length)) ?? '',
      ),
    );
    const statuses = new Set<number>();
    for (const token of bad) {
      const res = await t.post('/v1/decide', { site: site.publicKey, user: { anonymousId: 'a_1', token } });
      statuses.add(res.status);
      expect(res.body.messages).toBeUndefined();
    }
    expect([...statuses]).toEqual([401]);
    const ok = await decide(site, { anonymousId: 'a_1', token: good });
    expect(ok.messages).toHaveLength(1);
    // A receipt issued to a verified user ties their track events to them.
    const tracked = [event(undefined, { id: 'u_1' }, ok.receipt), event(undefined, { id: 'u_1' })];
    expect((await t.post('/v1/events', { site: site.publicKey, events: tracked })).body).toEqual({
      accepted: 1,
      duplicates: 0,
      ignored: 1,
    });
  });

  it('keeps tokens and receipts of a rotated secret working through the grace period, then refuses them', async () => {
    const { site, survey } = await surveySite({ identityVerification: 'optional' });
    const token = await sign({ sub: 'u_1' }, site.secret, 'HS256');
    const oldAnswer = await decide(site, { token });
    const oldReceipt = oldAnswer.messages[0]?.receipt as string;
    const rotated = await t.api('POST', `/api/sites/${site.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(site.secret);
    expect(rotated.body.previousSecret).toBe(site.secret);
    const audit = await t.api('GET', '/api/audit');
    expect(audit.body.entries[0]).toMatchObject({
      action: 'POST /api/sites/:id/rotate-secret',
      target: site.id,
    });

    const newToken = await sign({ sub: 'u_1' }, rotated.body.secret, 'HS256');
    const send = (receipt: string) =>
      t.post('/v1/events', { site: site.publicKey, events: [event(survey, { id: 'u_1' }, receipt)] });
    t.clock.advance(7 * DAY - 60_000);
    expect((await send(oldReceipt)).body.accepted).toBe(1);
    expect((await decide(site, { token })).messages).toHaveLength(1);
    expect((await decide(site, { token: newToken })).messages).toHaveLength(1);

    t.clock.advance(2 * 60_000);
    expect((await send(oldReceipt)).body).toEqual({ accepted: 0, duplicates: 0, ignored: 1 });
    expect((await t.post('/v1/decide', { site: site.publicKey, user: { token } })).status).toBe(401);
    const fresh = await decide(site, { token: newToken });
    expect((await send(fresh.messages[0]?.receipt as string)).body.accepted).toBe(1);
  });

  it('issues receipts marked verified only to users proved by a token, and counts track events of a verified site only for them', async () => {
    const { site } = await surveySite({ identityVerification: 'optional' });
    const anonymous = await decide(site, { anonymousId: 'a_1' });
    expect(anonymous.receipt).toMatch(/^[0-9a-z]+\.0\./);
    const token = await sign({ sub: 'u_1' }, site.secret, 'HS256');
    const verified = await decide(site, { anonymousId: 'a_1', token });
    expect(verified.receipt).toMatch(/^[0-9a-z]+\.1\./);
    const events = [
      event(undefined, { anonymousId: 'a_1' }, anonymous.receipt),
      event(undefined, { id: 'u_1' }, anonymous.receipt),
      event(undefined, { id: 'u_2' }, verified.receipt),
      event(undefined, { id: 'u_1', anonymousId: 'a_1' }, verified.receipt),
    ];
    expect((await t.post('/v1/events', { site: site.publicKey, events })).body).toEqual({
      accepted: 1,
      duplicates: 0,
      ignored: 3,
    });
  });
});
