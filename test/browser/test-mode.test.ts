import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserEnv, heraldReady, type TestWindow } from '../support/browser.ts';
import { announcement, inAustin, poll, resultsOf } from '../support/browser-server.ts';

const NEWS = 'Offline mode is here';

/**
 * Test users and test mode (issue 10): a PM listed as a test user opens the product with `herald_test=1` and
 * sees the announcement of a release still in draft, marked "Test mode"; nobody else does, with or without
 * the parameter; what the test user does is counted nowhere.
 */
describe('test mode with the real widget', () => {
  // The site's attention budget stays the schema's default, as it was created before.
  const env = browserEnv({ site: 'Test mode', siteFields: { testUsers: ['pm_1'], attention: undefined } });
  let news: string;

  beforeAll(async () => {
    const { site } = env;
    const release = await env.herald.api('POST', `/api/sites/${site.id}/releases`, {
      key: 'offline-mode',
      name: 'Offline mode',
      phases: [{ name: 'Pilot: Austin', audience: { city: 'Austin' }, percent: 20 }],
    });
    expect(release.body.status).toBe('draft');
    news = await env.publish(
      announcement(
        { style: 'modal' },
        { title: NEWS, body: 'Edit notes offline.' },
        { releaseId: release.body.id },
      ),
    );
    const body = '<main><h1>Notes</h1></main>';
    env.page('/pm/*', { body, user: { id: 'pm_1', traits: { city: 'Boston' } } });
    env.page('/user/*', { body, user: inAustin('u_1') });
  });

  /** Opens a page and waits for the widget's answer for the identified user; returns what it said. */
  async function openAs(page: Page, path: string) {
    const decided = page.waitForResponse(
      (r) => r.url().endsWith('/v1/decide') && r.request().postData()?.includes('"id"') === true,
    );
    await page.goto(env.host.url(path));
    const answer = await (await decided).json();
    await heraldReady(page);
    const enabled = await page.evaluate(() =>
      (window as unknown as TestWindow).Herald.isEnabled('offline-mode'),
    );
    return { answer, enabled };
  }

  it('shows a test user the draft release’s announcement, marked, and counts nothing they do', async () => {
    const { page } = await env.open();
    const sent = page.waitForResponse((r) => r.url().endsWith('/v1/events'));
    const { answer, enabled } = await openAs(page, '/pm/notes?herald_test=1');
    expect(answer.test).toBe(true);
    expect(enabled).toBe(true);
    const dialog = page.getByRole('dialog', { name: `Test mode · ${NEWS}` });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      'You see this as a test user: the release “Offline mode” is a draft.',
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // The widget's events (the impression, the dismissal) are acknowledged as a test user's, never stored.
    const counted = await poll('the test user’s events acknowledged', async () => {
      const body = await (await sent).json();
      return body.test > 0 ? body : undefined;
    });
    expect(counted).toMatchObject({ accepted: 0 });
    const { results } = await resultsOf(env.herald, news);
    expect(results).toMatchObject({ impressions: 0, dismissals: 0 });
  }, 120_000);

  it('shows nothing to the test user without test mode, nor to anybody else with it', async () => {
    const { context } = await env.open();
    for (const path of ['/pm/notes', '/user/notes?herald_test=1', '/user/notes']) {
      const page = await context.newPage();
      const { answer, enabled } = await openAs(page, path);
      expect({ path, messages: answer.messages, test: answer.test, enabled }).toEqual({
        path,
        messages: [],
        test: undefined,
        enabled: false,
      });
      expect(await page.getByRole('dialog').count()).toBe(0);
      await page.close();
    }
  }, 120_000);
});
