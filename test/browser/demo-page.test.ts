import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserEnv } from '../support/browser.ts';
import { poll } from '../support/browser-server.ts';

const LAUNCH = 'Reserve a scooter ahead';

type Timing = { script?: number; first?: number; firstWhat?: string; modal?: number };

/**
 * Installed before the demo page's own scripts: notes (in `performance.now()` time) when the first
 * message and the first modal appear in the widget's shadow root. A message is a dialog, a banner
 * (a named `<section>`) or a tooltip's hotspot; the feed launcher is not one.
 */
function watchFirstMessage() {
  const t: Timing = {};
  (window as unknown as { __timing: Timing }).__timing = t;
  const check = (shadow: ShadowRoot) => {
    const now = performance.now();
    const message = shadow.querySelector('[role=dialog], section[aria-labelledby], button[aria-expanded]');
    if (t.first === undefined && message) {
      t.first = now;
      t.firstWhat = `${message.getAttribute('role') ?? message.tagName.toLowerCase()}: ${message.textContent?.slice(0, 40)}`;
    }
    if (t.modal === undefined && shadow.querySelector('[role=dialog][aria-modal=true]')) t.modal = now;
  };
  const watchRoot = new MutationObserver(() => {
    const shadow = document.getElementById('herald-root')?.shadowRoot;
    if (!shadow) return;
    watchRoot.disconnect();
    check(shadow);
    new MutationObserver(() => check(shadow)).observe(shadow, { childList: true, subtree: true });
  });
  watchRoot.observe(document, { childList: true, subtree: true });
}

/** The timing so far, with the widget script's request start from Resource Timing. */
const timing = (page: Page) =>
  page.evaluate(() => {
    const t = (window as unknown as { __timing: Timing }).__timing;
    const script = performance
      .getEntriesByType('resource')
      .find((e) => new URL(e.name).pathname === '/widget.js');
    return { ...t, script: script?.startTime };
  });

describe('the demo page', () => {
  const env = browserEnv();

  it('shows the launch modal to an Austin user on /demo/, and logs the time from script load to first message', async () => {
    const { context, page } = await env.open();
    await context.addInitScript(() => localStorage.setItem('zipp.user', 'u_austin_1'));
    await context.addInitScript(watchFirstMessage);
    await page.goto(`${env.herald.base}/demo/`);

    const t = await poll(
      'a first message on the demo page',
      async () => {
        const now = await timing(page);
        return now.first !== undefined && now.script !== undefined ? now : undefined;
      },
      { timeoutMs: 30_000 },
    );
    const ms = (at: number | undefined) =>
      at === undefined ? 'none yet' : `${Math.round(at - (t.script ?? 0))} ms`;
    console.log(`script→first message: ${ms(t.first)} (${t.firstWhat})`);

    await page.getByRole('dialog', { name: LAUNCH }).waitFor({ state: 'visible', timeout: 30_000 });
    const done = await timing(page);
    console.log(`script→first modal: ${ms(done.modal)} (its trigger waits 500 ms after load)`);
    expect(done.modal).toBeGreaterThan(t.script ?? 0);
  });

  it('shows the launch modal once the demo user is switched from Guest to Austin, and not before', async () => {
    const { page } = await env.open();
    await page.goto(`${env.herald.base}/demo/`);
    // The winter banner is for everyone: once it is there, the guest's answer is on screen.
    await page.getByRole('region', { name: /Winter rates/ }).waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.getByRole('dialog', { name: LAUNCH }).count()).toBe(0);

    await page.locator('#user').selectOption('u_austin_1');
    await page.getByRole('dialog', { name: LAUNCH }).waitFor({ state: 'visible', timeout: 30_000 });
  });
});
