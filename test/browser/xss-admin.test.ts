import { describe, expect, it } from 'vitest';
import corpus from '../cases/xss.json';
import { ADMIN, signIn } from '../support/admin-browser.ts';
import { xssEnv } from '../support/xss-env.ts';
import { answerSurvey, banner, LABEL, modal, survey, texts } from '../support/xss-messages.ts';
import { expectNoXss } from '../support/xss-watch.ts';

/**
 * The XSS corpus (`test/cases/xss.json`) in the admin page in real Chromium: feedback, user ids and traits
 * that end users typed, in the results and the user lookup; payloads for message names in the lists; and
 * the message editor and its preview. The admin's CSP is bypassed, so markup that got through would run
 * and be seen, not just be blocked.
 */
describe('the XSS corpus executes nothing in the admin', () => {
  const env = xssEnv();

  it('in the admin results: comments, user ids and trait values typed by users', async () => {
    // Each payload is one user's id, trait and comment, sent as the widget sends them (decide, then events).
    for (const text of texts) {
      const user = { id: `${text} ·`, traits: { city: text } };
      const sent = await answerSurvey(env.herald, env.site, env.ids.survey, user, env.host.url('/xss'), text);
      expect(sent.body.accepted, `response of ${text}`).toBe(1);
    }

    const { page, ran } = await env.open({ bypassCSP: true });
    await signIn(page, env.herald.base, ADMIN);
    await page.goto(`${env.herald.base}/admin/messages/${env.ids.survey}/results`);
    const table = page.getByRole('table', { name: 'Responses' });
    const comments = table.locator('td.comment');
    await expect.poll(() => comments.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(texts.length);
    const shown = await comments.allTextContents();
    for (const text of texts) expect(shown).toContain(text);
    const users = await table.locator('td.mono').allTextContents();
    for (const text of texts) expect(users).toContain(`${text} ·`);
    await expectNoXss(page, ran);

    await page.getByLabel('Break down by trait', { exact: true }).fill('city');
    await page.getByRole('button', { name: 'Show breakdown' }).click();
    const groups = page.getByRole('table', { name: 'Results by trait:city' }).getByRole('rowheader');
    await expect.poll(() => groups.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(texts.length);
    const keys = await groups.allTextContents();
    for (const text of texts) expect(keys).toContain(text);
    await expectNoXss(page, ran);

    // One such user looked up: the id, the trait and the answer with its comment, all as typed.
    const text = texts[3] ?? '';
    await page.goto(
      `${env.herald.base}/admin/sites/${env.site.id}/users?key=${encodeURIComponent(`${text} ·`)}`,
    );
    await page.getByRole('region', { name: 'Traits' }).getByText(text, { exact: true }).waitFor();
    const row = page
      .getByRole('table', { name: 'Messages' })
      .getByRole('row')
      .filter({ hasText: survey.name });
    expect(await row.textContent()).toContain(`3 · ${text}`);
    await expectNoXss(page, ran);
  });

  it('in the messages list and the audit log, with payloads for message names', async () => {
    for (const text of texts) {
      const res = await env.herald.api('POST', `/api/sites/${env.site.id}/messages`, {
        ...banner,
        name: text,
      });
      expect(res.status, text).toBe(201);
    }
    const { page, ran } = await env.open({ bypassCSP: true });
    await signIn(page, env.herald.base, ADMIN);
    await page.goto(`${env.herald.base}/admin/sites/${env.site.id}/messages`);
    const names = page.getByRole('table', { name: 'Messages' }).getByRole('link');
    await expect.poll(() => names.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(texts.length);
    const shown = await names.allTextContents();
    for (const text of texts) expect(shown).toContain(text);
    await expectNoXss(page, ran);
    await page.goto(`${env.herald.base}/admin/audit`);
    await page.getByRole('table').first().waitFor();
    await expectNoXss(page, ran);
  });

  it('in the message editor and its preview, saved or not', async () => {
    const { page, ran } = await env.open({ bypassCSP: true });
    await signIn(page, env.herald.base, ADMIN);
    await page.goto(`${env.herald.base}/admin/messages/${env.ids.modal}`);
    // The saved body: the compiled safe tree of every markdown case, drawn by the widget in the preview.
    const frame = page.locator('.preview-figure').first();
    const cta = frame.locator('button.cta');
    await cta.filter({ hasText: LABEL }).waitFor();
    await expectNoXss(page, ran);

    // Unsaved: the preview shows the typed markdown as plain paragraphs.
    const raw = corpus.markdown.filter((c) => c.markdown.includes('<')).map((c) => c.markdown);
    await page.getByLabel('Title', { exact: true }).fill(texts[1] ?? '');
    await page.getByLabel('Body', { exact: true }).fill(raw.join('\n\n'));
    await page.getByLabel('Button label', { exact: true }).fill(texts[2] ?? '');
    await cta.filter({ hasText: texts[2] ?? '' }).waitFor();
    expect(await frame.locator('h2').textContent()).toBe(texts[1]);
    await expectNoXss(page, ran);

    // An unsafe link is refused and nothing is stored; a safe one saves and the preview compiles.
    const link = page.getByLabel('Button link', { exact: true });
    const status = page.getByRole('status').filter({ hasText: /Not saved|Draft saved/ });
    for (const { url } of corpus.urls.slice(0, 4)) {
      await link.fill(url);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await status.filter({ hasText: 'Not saved' }).waitFor();
      await expectNoXss(page, ran);
    }
    const stored = await env.herald.api('GET', `/api/messages/${env.ids.modal}`);
    expect(stored.body.content.en).toEqual(modal.content?.en);
    await link.fill('/ok');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await status.filter({ hasText: 'Draft saved' }).waitFor();
    await expectNoXss(page, ran);
  });

  it('refuses every unsafe URL as a button link and stores nothing', async () => {
    const before = await env.herald.api('GET', `/api/sites/${env.site.id}/messages`);
    for (const { name, url } of corpus.urls) {
      const res = await env.herald.api('POST', `/api/sites/${env.site.id}/messages`, {
        ...modal,
        name: `cta: ${name}`,
        content: { en: { title: 'Go', body: '', cta: { label: 'Go', url } } },
      });
      expect(res.status, name).toBe(400);
      expect(res.body.error.code, name).toBeTypeOf('string');
    }
    const after = await env.herald.api('GET', `/api/sites/${env.site.id}/messages`);
    expect(after.body.messages).toHaveLength(before.body.messages.length);
  });
});
