import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserEnv, heraldReady, queuedEvents } from '../support/browser.ts';
import { type MessageDraft, poll, resultsOf, resultsOnce, surveyDraft } from '../support/browser-server.ts';

const QUESTION = 'How was reserving ahead?';
const COMMENT = 'Smooth, it waited for me.';

/** A stars5 survey with a follow-up, shown on load on the pages under `prefix`. */
const survey = (prefix: string): MessageDraft =>
  surveyDraft(
    { style: 'slideout' },
    QUESTION,
    { scale: 'stars5', followUp: true },
    { name: `Reserve-ahead rating ${prefix}`, pages: { include: [`${prefix}*`], exclude: [] } },
  );

/** Gives 4 stars and the comment, by pointer, and waits for the thank-you. */
async function rateFour(page: Page): Promise<void> {
  const card = page.getByRole('dialog', { name: QUESTION });
  await card.getByRole('button', { name: '4 out of 5' }).click();
  await card.getByRole('textbox').fill(COMMENT);
  await card.getByRole('button', { name: 'Submit' }).click();
  await card.getByRole('status').filter({ hasText: 'Thank you' }).waitFor();
}

describe('a 4-star rating with a comment', () => {
  const env = browserEnv({ site: 'Survey delivery' });
  let online: string;
  let offline: string;

  beforeAll(async () => {
    online = await env.publish(survey('/online/'));
    offline = await env.publish(survey('/offline/'));
    const body = '<main><h1>Zipp</h1><p>Reserved ZP-2231.</p></main>';
    env.page('/online/*', { body, user: { id: 'u_online' } });
    env.page('/offline/*', { body, user: { id: 'u_offline' } });
  });

  /** Waits until the message has a response, then checks it is exactly the one given, once. */
  async function expectExactlyOnce(messageId: string, userId: string) {
    const { results, responses } = await resultsOnce(env.herald, messageId, 'responses');
    expect(results).toMatchObject({ responses: 1, rating: { count: 1, average: 4 } });
    expect(results.rating.distribution['4']).toBe(1);
    expect(responses).toEqual([expect.objectContaining({ value: 4, text: COMMENT, userId })]);
  }

  /** Reloads (the page's beacons and its stored queue send again) and waits for the queue to drain. */
  async function reloadUntilDrained(page: Page) {
    await page.reload();
    await heraldReady(page);
    await poll('the event queue to drain', async () =>
      (await queuedEvents(page, env.site.publicKey)).length === 0 ? true : undefined,
    );
  }

  it('reaches the results exactly once', async () => {
    const { page } = await env.visit('/online/reserved');
    await page.getByRole('dialog', { name: QUESTION }).waitFor({ state: 'visible', timeout: 30_000 });
    await rateFour(page);
    await expectExactlyOnce(online, 'u_online');

    await reloadUntilDrained(page);
    await expectExactlyOnce(online, 'u_online');
  });

  it('reaches the results exactly once when given offline and sent after a reload', async () => {
    const { context, page } = await env.visit('/offline/reserved');
    await page.getByRole('dialog', { name: QUESTION }).waitFor({ state: 'visible', timeout: 30_000 });
    await context.setOffline(true);
    await rateFour(page);

    // Kept durably in the page's IndexedDB queue, not on the server.
    const queued = await poll('the response in IndexedDB', async () =>
      (await queuedEvents(page, env.site.publicKey)).find((e) => e.type === 'response'),
    );
    expect(queued).toMatchObject({ messageId: offline, value: 4, text: COMMENT });
    expect((await resultsOf(env.herald, offline)).results.responses).toBe(0);

    // Still offline, the reload cannot even load the page; back online, the next load sends the queue.
    await page.reload().catch(() => {});
    await context.setOffline(false);
    await page.goto(env.host.url('/offline/reserved'));
    await expectExactlyOnce(offline, 'u_offline');

    await reloadUntilDrained(page);
    await expectExactlyOnce(offline, 'u_offline');
  });
});
