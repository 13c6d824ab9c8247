import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserEnv, type Focus, focused, heraldReady } from '../support/browser.ts';
import { announcement, inAustin, onEvent, resultsOnce, surveyDraft } from '../support/browser-server.ts';

const NEWS = 'Reserve a scooter ahead';
const QUESTION = 'How do you like reserving ahead?';
const OFFER = 'Night rides are 20% off';
const COMMENT = 'Easy with the keyboard';

/** The host page's buttons, each asking Herald for one message. */
const KEYS_JS = `
[['news', 'news'], ['rate', 'rate'], ['offer', 'offer']].forEach(function (pair) {
  document.getElementById(pair[0]).addEventListener('click', function () { Herald.track(pair[1]); });
});
`;

const BODY = `
<main>
  <h1>Zipp</h1>
  <button id="news" type="button">What's new</button>
  <button id="rate" type="button">Rate reserving</button>
  <button id="offer" type="button">Offers</button>
</main>
`;

/** Presses Tab until `until` holds for the focused element; fails after `max` presses. */
async function tabUntil(page: Page, until: (f: Focus) => boolean, max = 12): Promise<Focus[]> {
  const path: Focus[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    path.push(f);
    if (until(f)) return path;
  }
  throw new Error(`Tab never reached the element; focus went ${JSON.stringify(path)}`);
}

describe('the keyboard alone', () => {
  const env = browserEnv({ site: 'Keyboard' });
  let news: string;
  let survey: string;
  let offer: string;

  beforeAll(async () => {
    /** A modal with a call to action, shown by `Herald.track(event)`. */
    const modalOn = (event: string, title: string, cta: { label: string; url: string }) =>
      announcement(
        { style: 'modal' },
        { title, body: 'Ride more for less.', cta },
        { trigger: onEvent(event) },
      );
    news = await env.publish(modalOn('news', NEWS, { label: 'Read more', url: '/app/more' }));
    survey = await env.publish(
      surveyDraft(
        { style: 'modal' },
        QUESTION,
        { scale: 'stars5', followUp: true },
        { name: 'Rating modal', trigger: onEvent('rate') },
      ),
    );
    const seeOffers = { label: 'See offers', url: '/app/offers' };
    offer = await env.publish(modalOn('offer', OFFER, seeOffers));
    env.host.file('/keys.js', KEYS_JS);
    env.page('/app/*', { body: BODY, scripts: ['/keys.js'], user: inAustin('u_keyboard') });
  });

  it('opens, walks, closes and answers every surface by keyboard, and returns focus where it was', async () => {
    const { page } = await env.visit('/app/home');
    await heraldReady(page);

    // A modal: focus moves in, Tab stays in, Escape closes, focus returns to the button that opened it.
    await tabUntil(page, (f) => f.id === 'news');
    await page.keyboard.press('Enter');
    const modal = page.getByRole('dialog', { name: NEWS });
    await modal.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await focused(page)).toMatchObject({ inWidget: true, inDialog: true });
    const walked: Focus[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      walked.push(await focused(page));
    }
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Shift+Tab');
      walked.push(await focused(page));
    }
    expect(
      walked.every((f) => f.inWidget && f.inDialog),
      JSON.stringify(walked),
    ).toBe(true);
    expect(new Set(walked.map((f) => f.name))).toEqual(new Set(['Close', 'Read more']));
    await page.keyboard.press('Escape');
    await modal.waitFor({ state: 'hidden' });
    expect(await focused(page)).toMatchObject({ inWidget: false, id: 'news' });

    // A survey: arrows pick the rating, Space chooses it, the comment is typed, Enter submits.
    await tabUntil(page, (f) => f.id === 'rate');
    await page.keyboard.press('Enter');
    const card = page.getByRole('dialog', { name: QUESTION });
    await card.waitFor({ state: 'visible', timeout: 30_000 });
    const region = card.getByRole('status');
    // The live region is there, empty, before the answer, so that screen readers announce the change.
    expect(await region.getAttribute('aria-live')).toBe('polite');
    expect((await region.textContent())?.trim()).toBe('');
    await tabUntil(page, (f) => f.name === '1 out of 5');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toMatchObject({ inDialog: true, name: '4 out of 5' });
    await page.keyboard.press('Space');
    await expect.poll(async () => (await focused(page)).tag).toBe('textarea');
    await page.keyboard.type(COMMENT);
    await tabUntil(page, (f) => f.name === 'Submit', 3);
    await page.keyboard.press('Enter');
    await region.filter({ hasText: 'Thank you for your feedback!' }).waitFor();
    // It closes by itself a moment later, and focus goes back to the page.
    await card.waitFor({ state: 'hidden', timeout: 20_000 });
    expect(await focused(page)).toMatchObject({ inWidget: false, id: 'rate' });

    // A call to action: Enter on it records the click and goes where it points.
    await tabUntil(page, (f) => f.id === 'offer');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: OFFER }).waitFor({ state: 'visible', timeout: 30_000 });
    await tabUntil(page, (f) => f.name === 'See offers', 4);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/app/offers');

    const newsResults = await resultsOnce(env.herald, news, 'dismissals');
    expect(newsResults.results).toMatchObject({ impressions: 1, dismissals: 1, clicks: 0 });
    const rated = await resultsOnce(env.herald, survey, 'responses');
    expect(rated.responses).toEqual([expect.objectContaining({ value: 4, text: COMMENT })]);
    const offerResults = await resultsOnce(env.herald, offer, 'clicks');
    expect(offerResults.results).toMatchObject({ clicks: 1, dismissals: 0 });
  });
});
