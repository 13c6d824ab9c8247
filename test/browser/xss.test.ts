import { randomUUID } from 'node:crypto';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import corpus from '../cases/xss.json';
import { ADMIN, signIn } from '../support/admin-browser.ts';
import { launchChromium, type TestWindow, track } from '../support/browser.ts';
import { type HostServer, startHost } from '../support/browser-host.ts';
import {
  createSite,
  type HeraldServer,
  type MessageDraft,
  onEvent,
  publishMessage,
  startHerald,
  type TestSite,
} from '../support/browser-server.ts';
import { dangerousMarkup, watchXss } from '../support/xss-watch.ts';

/**
 * The XSS corpus (`test/cases/xss.json`) in real Chromium: in message content shown by the widget on a
 * host page, in feedback shown by the admin results, and in the message editor and its preview. Pages are
 * opened without the protection of a CSP (the host page sends none, the admin's is bypassed), so markup
 * that got through would run and be seen, not just be blocked.
 */
const texts = corpus.text.map((c) => c.text);
const [TITLE = '', LABEL = '', COMMENT = ''] = texts;

/** One feed post per markdown case, titled by its case name; shown only in the feed. */
const feedPosts: MessageDraft[] = corpus.markdown.map((c) => ({
  kind: 'announcement',
  name: `md: ${c.name}`,
  display: { style: 'modal' },
  content: { en: { title: c.name, body: c.markdown } },
  trigger: onEvent('never'),
  feed: true,
}));

/** A modal with a payload for its title and button label, and every markdown case in its body. */
const modal: MessageDraft = {
  kind: 'announcement',
  name: 'xss modal',
  display: { style: 'modal' },
  content: {
    en: {
      title: TITLE,
      body: corpus.markdown.map((c) => c.markdown).join('\n\n'),
      cta: { label: LABEL, url: '/ok' },
    },
  },
  trigger: onEvent('modal'),
  feed: false,
};

/** A survey asked with a payload, answered with payloads. */
const survey: MessageDraft = {
  kind: 'survey',
  name: 'xss survey',
  display: { style: 'slideout' },
  content: { en: { title: TITLE, body: '' } },
  survey: { scale: 'stars5', followUp: true },
  trigger: onEvent('survey'),
};

describe('the XSS corpus executes nothing in Chromium', () => {
  let herald: HeraldServer;
  let host: HostServer;
  let site: TestSite;
  const ids = { modal: '', survey: '' };
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    herald = await startHerald(
      { HERALD_ADMIN_EMAIL: ADMIN.email, HERALD_ADMIN_PASSWORD: ADMIN.password },
      { admin: true },
    );
    host = await startHost(herald.base);
    site = await createSite(herald, 'XSS', host.origin);
    ids.modal = await publishMessage(herald, site, modal);
    ids.survey = await publishMessage(herald, site, survey);
    for (const post of feedPosts) await publishMessage(herald, site, post);
    // No CSP: a host page that trusts the widget completely is the one where a slip would hurt.
    host.page('/xss', {
      site: site.publicKey,
      body: '<main><h1>Host</h1></main>',
      user: { id: TITLE, traits: { city: COMMENT } },
      csp: false,
    });
  });

  afterAll(async () => {
    for (const close of closers) await close();
    await host?.stop();
    await herald?.stop();
  });

  /** A fresh Chromium whose pages and frames are watched; `ran` lists any payload that executed. */
  async function open(options: BrowserContextOptions = {}) {
    const browser = await launchChromium(options);
    closers.push(browser.close);
    const ran = await watchXss(browser.context, browser.page);
    return { page: browser.page, ran };
  }

  /** Nothing ran, and nothing that could run is in the DOM. */
  async function expectClean(page: Page, ran: string[]) {
    expect(await dangerousMarkup(page)).toEqual([]);
    expect(ran).toEqual([]);
  }

  it('would see a payload run, and dangerous markup left in the DOM, in a shadow root too', async () => {
    // The watch itself, on a page that does put payloads into its markup: it must not be blind.
    host.page('/unsafe', {
      site: site.publicKey,
      body:
        '<img src=x onerror=alert(1)><a href="jav&#x09;ascript:alert(2)">x</a>' +
        '<div><template shadowrootmode="open"><svg><animate attributeName="href"/></svg></template></div>',
      csp: false,
    });
    const { page, ran } = await open();
    await page.goto(host.url('/unsafe'));
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
    const { page, ran } = await open();
    await page.goto(host.url('/xss'));
    await track(page, 'modal');
    const dialog = page.getByRole('dialog', { name: TITLE });
    await dialog.waitFor();
    expect(await dialog.getByRole('heading', { level: 2 }).textContent()).toBe(TITLE);
    expect(await dialog.getByRole('button', { name: LABEL }).textContent()).toBe(LABEL);
    await expectClean(page, ran);
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
    await expectClean(page, ran);
    await page.keyboard.press('Escape');

    await track(page, 'survey');
    const card = page.getByRole('dialog', { name: TITLE });
    await card.getByRole('button', { name: '4 out of 5' }).click();
    await card.getByRole('textbox').fill(COMMENT);
    await card.getByRole('button', { name: 'Submit' }).click();
    await card.getByRole('status').filter({ hasText: 'Thank you' }).waitFor();
    await expectClean(page, ran);
  });

  it('in the admin results: comments, user ids and trait values typed by users', async () => {
    // Each payload is one user's id, trait and comment, sent as the widget sends them (decide, then events).
    for (const text of texts) {
      const user = { id: `${text} ·`, traits: { city: text } };
      const decided = await herald.api('POST', '/v1/decide', {
        site: site.publicKey,
        user,
        context: { url: host.url('/xss') },
      });
      const shown = decided.body.messages.find((m: { id: string }) => m.id === ids.survey);
      expect(shown, `decide for ${text}`).toBeDefined();
      const sent = await herald.api('POST', '/v1/events', {
        site: site.publicKey,
        events: [
          {
            id: randomUUID(),
            type: 'response',
            messageId: ids.survey,
            ...(shown.receipt ? { receipt: shown.receipt } : {}),
            value: 3,
            text,
            at: new Date().toISOString(),
            user: { id: user.id },
          },
        ],
      });
      expect(sent.body.accepted, `response of ${text}`).toBe(1);
    }

    const { page, ran } = await open({ bypassCSP: true });
    await signIn(page, herald.base, ADMIN);
    await page.goto(`${herald.base}/admin/messages/${ids.survey}/results`);
    const table = page.getByRole('table', { name: 'Responses' });
    const comments = table.locator('td.comment');
    await expect.poll(() => comments.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(texts.length);
    const shown = await comments.allTextContents();
    for (const text of texts) expect(shown).toContain(text);
    const users = await table.locator('td.mono').allTextContents();
    for (const text of texts) expect(users).toContain(`${text} ·`);
    await expectClean(page, ran);

    await page.getByLabel('Break down by trait', { exact: true }).fill('city');
    await page.getByRole('button', { name: 'Show breakdown' }).click();
    const groups = page.getByRole('table', { name: 'Results by trait:city' }).getByRole('rowheader');
    await expect.poll(() => groups.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(texts.length);
    const keys = await groups.allTextContents();
    for (const text of texts) expect(keys).toContain(text);
    await expectClean(page, ran);
  });

  it('in the message editor and its preview, saved or not', async () => {
    const { page, ran } = await open({ bypassCSP: true });
    await signIn(page, herald.base, ADMIN);
    await page.goto(`${herald.base}/admin/messages/${ids.modal}`);
    // The saved body: the compiled safe tree of every markdown case, drawn by the widget in the preview.
    const frame = page.locator('.preview-figure').first();
    const cta = frame.locator('button.cta');
    await cta.filter({ hasText: LABEL }).waitFor();
    await expectClean(page, ran);

    // Unsaved: the preview shows the typed markdown as plain paragraphs.
    const raw = corpus.markdown.filter((c) => c.markdown.includes('<')).map((c) => c.markdown);
    await page.getByLabel('Title', { exact: true }).fill(texts[1] ?? '');
    await page.getByLabel('Body', { exact: true }).fill(raw.join('\n\n'));
    await page.getByLabel('Button label', { exact: true }).fill(texts[2] ?? '');
    await cta.filter({ hasText: texts[2] ?? '' }).waitFor();
    expect(await frame.locator('h2').textContent()).toBe(texts[1]);
    await expectClean(page, ran);

    // An unsafe link is refused and nothing is stored; a safe one saves and the preview compiles.
    const link = page.getByLabel('Button link', { exact: true });
    const status = page.getByRole('status').filter({ hasText: /Not saved|Draft saved/ });
    for (const { url } of corpus.urls.slice(0, 4)) {
      await link.fill(url);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await status.filter({ hasText: 'Not saved' }).waitFor();
      await expectClean(page, ran);
    }
    const stored = await herald.api('GET', `/api/messages/${ids.modal}`);
    expect(stored.body.content.en).toEqual(modal.content?.en);
    await link.fill('/ok');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await status.filter({ hasText: 'Draft saved' }).waitFor();
    await expectClean(page, ran);
  });

  it('refuses every unsafe URL as a button link and stores nothing', async () => {
    const before = await herald.api('GET', `/api/sites/${site.id}/messages`);
    for (const { name, url } of corpus.urls) {
      const res = await herald.api('POST', `/api/sites/${site.id}/messages`, {
        ...modal,
        name: `cta: ${name}`,
        content: { en: { title: 'Go', body: '', cta: { label: 'Go', url } } },
      });
      expect(res.status, name).toBe(400);
      expect(res.body.error.code, name).toBeTypeOf('string');
    }
    const after = await herald.api('GET', `/api/sites/${site.id}/messages`);
    expect(after.body.messages).toHaveLength(before.body.messages.length);
  });
});
