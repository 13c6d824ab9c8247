import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN, adminEnv } from '../support/admin-browser.ts';

/** The label of the focused control ('' when it has none). */
const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el?.labels?.[0]?.textContent?.trim() ?? '';
  });

/** Presses Tab until the control labelled `label` has focus (at most `max` times). */
async function tabTo(page: Page, label: string, max = 8) {
  for (let i = 0; i < max && (await focusedLabel(page)) !== label; i++) await page.keyboard.press('Tab');
  expect(await focusedLabel(page)).toBe(label);
}

describe('the admin page without a mouse and on a phone', () => {
  const env = adminEnv();

  it('signs in with the keyboard alone and reaches the messages list', async () => {
    const { page } = await env.open();
    await page.goto(`${env.server.base}/admin/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await tabTo(page, 'Email');
    await page.keyboard.type(ADMIN.email);
    await page.keyboard.press('Tab');
    expect(await focusedLabel(page)).toBe('Password');
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Messages', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/sites\/[^/]+\/messages$/);
  });

  it('folds the navigation behind a "Menu" button at phone width, which opens it', async () => {
    const { page } = await env.signedIn(ADMIN, { viewport: { width: 390, height: 844 } });
    await page.getByRole('heading', { name: 'Messages', exact: true }).waitFor();
    const menu = page.getByRole('button', { name: 'Menu' });
    const allSites = page.getByRole('link', { name: 'All sites' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await allSites.isVisible()).toBe(false);

    await menu.click();
    await allSites.waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');

    // Following a link folds the navigation again.
    await allSites.click();
    await page.getByRole('heading', { name: 'Sites', exact: true }).waitFor();
    await allSites.waitFor({ state: 'hidden' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    // Nothing is wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
