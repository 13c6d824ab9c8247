import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserEnv } from '../support/browser.ts';
import { inAustin, tooltipDraft } from '../support/browser-server.ts';

const LATE_TIP = 'New: reserve ahead';
const OTHER_TIP = 'Your ride history lives here';

/** The host app: `#late` arrives two seconds after load; the nav link is a client-side route to /app/two. */
const APP_JS = `
setTimeout(function () {
  var b = document.createElement('button');
  b.id = 'late';
  b.type = 'button';
  b.textContent = 'Reserve ahead';
  b.dataset.insertedAt = String(performance.now());
  document.getElementById('slot').append(b);
}, 2000);
document.getElementById('to-two').addEventListener('click', function (e) {
  e.preventDefault();
  history.pushState(null, '', '/app/two');
  document.getElementById('where').textContent = 'Page two';
});
`;

const BODY = `
<header><nav><a id="to-two" href="/app/two">Page two</a></nav></header>
<main>
  <h1 id="where">Page one</h1>
  <p><button id="other" type="button">Ride history</button></p>
  <p id="slot"></p>
</main>
`;

/** Waits for the tooltip and checks it sits below `anchor` (its placement), overlapping it horizontally. */
async function expectBelow(page: Page, tip: Locator, anchor: string) {
  await tip.waitFor({ state: 'visible', timeout: 30_000 });
  // Positioned: the card gets its `top` once its anchor was measured.
  await expect
    .poll(() => tip.evaluate((el) => (el as HTMLElement).style.top), { timeout: 10_000 })
    .not.toBe('');
  const [card, target] = await Promise.all([tip.boundingBox(), page.locator(anchor).boundingBox()]);
  if (!card || !target) throw new Error('the tooltip or its anchor has no box');
  expect(card.y).toBeGreaterThanOrEqual(target.y + target.height - 1);
  expect(card.y).toBeLessThan(target.y + target.height + 60);
  expect(card.x).toBeLessThan(target.x + target.width);
  expect(card.x + card.width).toBeGreaterThan(target.x);
}

describe('a tooltip', () => {
  const env = browserEnv({ site: 'Tooltips' });

  beforeAll(async () => {
    const tips = [
      ['#late', LATE_TIP, 'Hold a scooter for 30 minutes.', '/app/one'],
      ['#other', OTHER_TIP, 'Every ride, exportable.', '/app/two'],
    ] as const;
    for (const [anchor, title, body, path] of tips) {
      await env.publish(tooltipDraft(anchor, { title, body }, path));
    }
    env.host.file('/app.js', APP_JS);
    env.page('/app/*', { body: BODY, scripts: ['/app.js'], user: inAustin('u_tooltips') });
  });

  it('attaches to an element inserted two seconds after load, and moves to the right page after a client-side navigation', async () => {
    const { page } = await env.visit('/app/one');
    const late = page.getByRole('dialog', { name: LATE_TIP });
    const other = page.getByRole('dialog', { name: OTHER_TIP });
    await expectBelow(page, late, '#late');
    const insertedAt = Number(await page.locator('#late').getAttribute('data-inserted-at'));
    expect(insertedAt).toBeGreaterThanOrEqual(2000);
    // #other is on this page too, but its tooltip belongs to /app/two.
    expect(await other.count()).toBe(0);

    await page.locator('#to-two').click();
    await page.waitForURL('**/app/two');
    await late.waitFor({ state: 'hidden' });
    await expectBelow(page, other, '#other');
    // Page rules took it away, not the anchor: #late is still there.
    expect(await page.locator('#late').count()).toBe(1);

    await page.goBack();
    await page.waitForURL('**/app/one');
    await other.waitFor({ state: 'hidden' });
    await expectBelow(page, late, '#late');
  });
});
