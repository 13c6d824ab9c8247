import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HeraldApp } from '../../server/app.ts';
import { smtpMailer } from '../../server/node/mailer.ts';
import { type HttpServer, httpServer } from '../support/http-server.ts';
import { type SmtpSink, smtpSink } from '../support/smtp-sink.ts';
import {
  announcement,
  CLIENT_IP_HEADER,
  createSite,
  publishMessage,
  type TestApp,
  testApp,
} from '../support/test-app.ts';

let t: TestApp;
let sink: SmtpSink;
let server: HttpServer;
let mailer: ReturnType<typeof smtpMailer>;

beforeEach(async () => {
  sink = await smtpSink();
  mailer = smtpMailer(sink.url, 'Zipp changelog <changelog@zipp.test>');
  // The app's public URL is the real server's, so links in mails are followed exactly as written.
  let app: HeraldApp | undefined;
  server = await httpServer((req) => (app as HeraldApp).fetch(req));
  t = await testApp({ publicUrl: server.base, mailer });
  app = t.app;
});
afterEach(async () => {
  await server.close();
  mailer.close();
  await sink.close();
  await t.close();
});

const post = (title: string) =>
  announcement({ name: title, feed: true, content: { en: { title, body: `About **${title}**.` } } });

/** The first link in a mail's text that starts with `prefix`. */
const linkIn = (text: string | undefined, prefix: string) =>
  (text ?? '').split(/\s+/).find((word) => word.startsWith(prefix)) ?? '';

/** Submits the one-button form of a page reached from a mailed link, as a browser would. */
async function pressButton(pageUrl: string): Promise<Response> {
  const page = await (await fetch(pageUrl)).text();
  const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1]?.replaceAll('&amp;', '&') ?? '';
  return fetch(new URL(action, pageUrl), { method: 'POST' });
}

async function subscribe(email: string): Promise<Response> {
  return fetch(`${server.base}/changelog/zipp/subscribe`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email }),
  });
}

describe('the changelog email digest', () => {
  it('confirms by the mailed link, sends one digest with both new posts, and stops after one-click unsubscribe', async () => {
    const site = await createSite(t, { name: 'Zipp', changelogSlug: 'zipp', digest: { every: 'daily' } });
    expect((await subscribe('Ana@Example.com')).status).toBe(202);

    const confirmation = await sink.mail(1);
    expect(confirmation.to).toMatchObject({ text: 'ana@example.com' });
    const confirmLink = linkIn(confirmation.text, `${server.base}/changelog/zipp/confirm?token=`);
    expect(confirmLink).not.toBe('');
    const confirmed = await pressButton(confirmLink);
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('You are subscribed');
    // A used link does not confirm twice.
    expect((await pressButton(confirmLink)).status).toBe(400);

    t.clock.advance(60_000);
    await publishMessage(t, site.id, post('Reserve ahead'));
    t.clock.advance(60_000);
    await publishMessage(t, site.id, post('Night mode'));
    t.clock.advance(60_000);
    await t.app.digests.runDue();

    const digest = await sink.mail(2);
    expect(digest.subject).toBe('Zipp: 2 new posts in the changelog');
    expect(digest.text).toContain('Reserve ahead');
    expect(digest.text).toContain('Night mode');
    expect(digest.html).toContain('<strong>Night mode</strong>');
    // The headers as written on the wire (mailparser folds List-* headers into an object otherwise).
    const header = (name: string) =>
      digest.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '') ?? '';
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const unsubscribeUrl = header('list-unsubscribe').replace(/^<|>$/g, '');
    expect(unsubscribeUrl.startsWith(`${server.base}/changelog/zipp/unsubscribe?`)).toBe(true);

    // What a mail client does for RFC 8058 one-click: POST the body to the header's URL.
    const oneClick = await fetch(unsubscribeUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);

    const feed = await t.post('/v1/feed', { site: site.publicKey, user: { anonymousId: 'a_1' } });
    expect(feed.body.subscribeUrl).toBe(`${server.base}/changelog/zipp#subscribe`);
    const status = await t.api('GET', `/api/sites/${site.id}/digest`);
    expect(status.body).toMatchObject({ smtp: true, subscribers: { pending: 0, confirmed: 0 } });

    t.clock.advance(24 * 3_600_000);
    await publishMessage(t, site.id, post('Group rides'));
    t.clock.advance(60_000);
    await t.app.digests.runDue();
    expect(await t.store.lastDigestRun(site.id)).toBe(t.clock.now.toISOString());
    expect(sink.received).toHaveLength(2);
  });

  it('sends a digest only when there is something new, and only to confirmed subscribers', async () => {
    const site = await createSite(t, { name: 'Zipp', changelogSlug: 'zipp', digest: { every: 'daily' } });
    await subscribe('ana@example.com');
    await pressButton(linkIn((await sink.mail(1)).text, `${server.base}/changelog/zipp/confirm`));
    await subscribe('ben@example.com'); // never confirms
    await sink.mail(2);
    t.clock.advance(60_000);
    await t.app.digests.runDue();
    t.clock.advance(60_000);
    await publishMessage(t, site.id, post('Reserve ahead'));
    t.clock.advance(24 * 3_600_000);
    await t.app.digests.runDue();
    const digest = await sink.mail(3);
    expect(digest.to).toMatchObject({ text: 'ana@example.com' });
    expect(digest.subject).toBe('Zipp: Reserve ahead');
    expect(sink.received).toHaveLength(3);
    // Ben never confirmed: once his link has expired (48 h), his address is forgotten.
    expect(await t.store.countSubscribers(site.id)).toEqual({ pending: 1, confirmed: 1 });
    t.clock.advance(24 * 3_600_000);
    await t.app.digests.runDue();
    expect(await t.store.countSubscribers(site.id)).toEqual({ pending: 0, confirmed: 1 });
  });

  it('answers every subscribe alike, refuses bad addresses and forged unsubscribe links', async () => {
    const site = await createSite(t, { name: 'Zipp', changelogSlug: 'zipp', digest: { every: 'weekly' } });
    const json = (email: unknown) =>
      fetch(`${server.base}/changelog/zipp/subscribe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      });
    const first = await json('ana@example.com');
    await pressButton(linkIn((await sink.mail(1)).text, `${server.base}/changelog/zipp/confirm`));
    const again = await json('ana@example.com');
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(await again.json()).toEqual(await first.json());

    for (const bad of ['not an email', `${'a'.repeat(250)}@example.com`, 42]) {
      const res = await json(bad);
      expect(res.status).toBe(400);
      expect((await res.json()).error.fields).toHaveProperty('email');
    }
    const [subscriber] = await t.store.confirmedSubscribers(site.id);
    const forged = await fetch(
      `${server.base}/changelog/zipp/unsubscribe?id=${subscriber?.id}&token=${'A'.repeat(43)}`,
      { method: 'POST', body: 'List-Unsubscribe=One-Click' },
    );
    expect(forged.status).toBe(400);
    expect(await t.store.countSubscribers(site.id)).toEqual({ pending: 0, confirmed: 1 });
  });

  it('limits confirmation mails per address, without telling the requester', async () => {
    await createSite(t, { name: 'Zipp', changelogSlug: 'zipp', digest: { every: 'daily' } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await subscribe('victim@example.com')).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202]);
    await sink.mail(3);
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.received).toHaveLength(3);
  });
});

describe('subscribe requests from one client', () => {
  it('are limited per client address, with a Retry-After, and then change nothing', async () => {
    const site = await createSite(t, { name: 'Zipp', changelogSlug: 'zipp', digest: { every: 'daily' } });
    const from = (n: number) =>
      fetch(`${server.base}/changelog/zipp/subscribe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CLIENT_IP_HEADER]: '203.0.113.9' },
        body: JSON.stringify({ email: `reader${n}@example.com` }),
      });
    for (let n = 1; n <= 10; n++) expect((await from(n)).status).toBe(202);
    const refused = await from(11);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe('rate_limited');
    expect(await t.store.countSubscribers(site.id)).toEqual({ pending: 10, confirmed: 0 });
  });
});

describe('without SMTP', () => {
  it('offers no digest and refuses subscriptions', async () => {
    const bare = await testApp();
    try {
      await createSite(bare, { name: 'Zipp', changelogSlug: 'zipp', digest: { every: 'daily' } });
      const page = await bare.app.request('/changelog/zipp');
      expect(await page.text()).not.toContain('id="subscribe"');
      const res = await bare.app.request('/changelog/zipp/subscribe', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ana@example.com' }),
      });
      expect(res.status).toBe(409);
      const site = (await bare.api('GET', '/api/sites')).body.sites[0];
      expect((await bare.api('GET', `/api/sites/${site.id}/digest`)).body.smtp).toBe(false);
      const send = await bare.api('POST', `/api/sites/${site.id}/digest/send`);
      expect(send.status).toBe(409);
      expect(send.body.error.code).toBe('smtp_not_configured');
    } finally {
      await bare.close();
    }
  });
});
