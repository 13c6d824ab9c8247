import { describe, expect, it } from 'vitest';
import corpus from '../cases/xss.json';
import { type TestWindow, track } from '../support/browser.ts';
import { publishMessage } from '../support/browser-server.ts';
import { xssEnv } from '../support/xss-env.ts';
import { COMMENT, feedPosts, LABEL, modal, TITLE, texts } from '../support/xss-messages.ts';
import { dangerousMarkup, expectNoXss } from '../support/xss-watch.ts';

/**
 * The XSS corpus (`test/cases/xss.json`) in real Chromium, where end users read it: in message content
 * shown by the widget on a host page, and in the public changelog and its feeds. Pages are opened without
 * the protection of a CSP (the host page sends none, the changelog's is bypassed), so markup that got
 * through would run and be seen, not just be blocked. `xss-admin.test.ts` does the same for the admin.
 */
describe('the XSS corpus executes nothing for end users', () => {
  const env = xssEnv();

  it('would see a payload run, and dangerous markup left in the DOM, in a shadow root too', async () => {
    // The watch itself, on a page that does put payloads into its markup: it must not be blind.
    env.host.page('/unsafe', {
      site: env.site.publicKey,
      body:
        '<img src=x onerror=alert(1)><a href="jav&#x09;ascript:alert(2)">x</a>' +
        '<div><template shadowrootmode="open"><svg><animate attributeName="href"/></svg></template></div>',
      csp: false,
    });
    const { page, ran } = await env.open();
    await page.goto(env.host.url('/unsafe'));
    await expect.poll(() => ran.length).toBeGreaterThan(0);
    expect(ran[0]).toContain('alert(1)');
    const found = await dangerousMarkup(page);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^onerror= <img>/),
        expect.stringMatching(/^href=javascript: <a>/),
        expect.stringMatching(/^element <animate> in .*::shadow$/),
      ]),
    );
  });

  it('in the widget: the modal, every markdown case in the feed, and the survey', async () => {
    const { page, ran } = await env.open();
    await page.goto(env.host.url('/xss'));
    await track(page, 'modal');
    const dialog = page.getByRole('dialog', { name: TITLE });
    await dialog.waitFor();
    expect(await dialog.getByRole('heading', { level: 2 }).textContent()).toBe(TITLE);
    expect(await dialog.getByRole('button', { name: LABEL }).textContent()).toBe(LABEL);
    await expectNoXss(page, ran);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.evaluate(() => (window as unknown as TestWindow).Herald.openFeed());
    const panel = page.getByRole('dialog', { name: "What's new" });
    const posts = panel.locator('ul.posts > li');
    await expect.poll(() => posts.count(), { timeout: 30_000 }).toBe(corpus.markdown.length);
    for (const c of corpus.markdown.filter((m) => m.text)) {
      const post = posts.filter({ has: page.getByRole('heading', { name: c.name, exact: true }) });
      // The words a reader gets: the text, and the alt text of images.
      const words = await post.evaluate(
        (el) => el.textContent + [...el.querySelectorAll('img')].map((img) => img.alt).join(' '),
      );
      expect(words, c.name).toContain(c.text);
    }
    await expectNoXss(page, ran);
    await page.keyboard.press('Escape');

    await track(page, 'survey');
    const card = page.getByRole('dialog', { name: TITLE });
    await card.getByRole('button', { name: '4 out of 5' }).click();
    await card.getByRole('textbox').fill(COMMENT);
    await card.getByRole('button', { name: 'Submit' }).click();
    await card.getByRole('status').filter({ hasText: 'Thank you' }).waitFor();
    await expectNoXss(page, ran);
  });

  it('in the widget: a banner and a tooltip', async () => {
    env.host.page('/xss-tip', {
      site: env.site.publicKey,
      body: '<main><h1>Host</h1><button id="anchor" type="button">Reserve</button></main>',
      csp: false,
    });
    const { page, ran } = await env.open();
    await page.goto(env.host.url('/xss-tip'));
    const tip = page.getByRole('dialog', { name: TITLE });
    await tip.waitFor();
    expect(await tip.getByRole('heading', { level: 2 }).textContent()).toBe(TITLE);
    await expectNoXss(page, ran);
    await page.keyboard.press('Escape');
    await track(page, 'banner');
    const region = page.getByRole('region', { name: TITLE });
    await region.waitFor();
    expect(await region.textContent()).toContain(TITLE);
    await expectNoXss(page, ran);
  });

  it('in the public changelog pages and in its feeds as a feed reader would show them', async () => {
    const created = await env.herald.api('POST', '/api/sites', {
      name: TITLE,
      allowedOrigins: [env.host.origin],
      changelogSlug: 'xss',
    });
    expect(created.status).toBe(201);
    const log = { id: created.body.id as string, publicKey: created.body.publicKey as string };
    for (const post of feedPosts) await publishMessage(env.herald, log, post);
    for (const text of texts) {
      await publishMessage(env.herald, log, {
        ...modal,
        name: `text: ${text}`,
        content: { en: { title: text, body: text, cta: { label: text.slice(0, 80), url: '/ok' } } },
        feed: true,
      });
    }
    const { page, ran } = await env.open({ bypassCSP: true });
    const total = feedPosts.length + texts.length;
    const seen: string[] = [];
    for (let n = 1; seen.length < total; n++) {
      await page.goto(`${env.herald.base}/changelog/xss?page=${n}`);
      const titles = await page.locator('article h2').allTextContents();
      expect(titles.length, `page ${n}`).toBeGreaterThan(0);
      seen.push(...titles);
      await expectNoXss(page, ran);
    }
    for (const text of texts) expect(seen).toContain(text);

    // A feed reader that shows `content_html` as it comes: every post of the JSON Feed in one page.
    const feed = await (await fetch(`${env.herald.base}/changelog/xss/feed.json`)).json();
    const items = feed.items as { title: string; content_html: string }[];
    expect(items.length).toBeGreaterThan(0);
    await page.setContent(items.map((i) => `<article>${i.content_html}</article>`).join('\n'));
    await expectNoXss(page, ran);

    // The same from the RSS feed: it must parse as XML, and its HTML must be as harmless.
    const rss = await (await fetch(`${env.herald.base}/changelog/xss/rss.xml`)).text();
    const fromRss = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      if (doc.querySelector('parsererror')) return null;
      return Array.from(doc.querySelectorAll('item')).map((item) => {
        const encoded = item.getElementsByTagNameNS('http://purl.org/rss/1.0/modules/content/', 'encoded')[0];
        return (encoded ?? item.querySelector('description'))?.textContent ?? '';
      });
    }, rss);
    expect(fromRss?.length).toBe(items.length);
    await page.setContent((fromRss ?? []).map((h) => `<article>${h}</article>`).join('\n'));
    await expectNoXss(page, ran);
  });
});
