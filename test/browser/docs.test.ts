import { describe, expect, it } from 'vitest';
import { browserEnv, heraldReady, type TestWindow } from '../support/browser.ts';

describe('/docs in Chromium', () => {
  const env = browserEnv();

  it('documents every function of the widget’s global, as the demo page has it', async () => {
    const { page } = await env.open();
    await page.goto(`${env.herald.base}/demo/`);
    await heraldReady(page);
    const functions = await page.evaluate(() => {
      const herald = (window as unknown as TestWindow).Herald as unknown as Record<string, unknown>;
      return Object.keys(herald).filter((name) => typeof herald[name] === 'function');
    });
    expect(functions.length).toBeGreaterThanOrEqual(8);
    await page.goto(`${env.herald.base}/docs`);
    for (const name of functions) {
      const heading = page.locator(`#${name} h3`);
      expect(await heading.textContent(), name).toMatch(new RegExp(`^Herald\\.${name}\\(`));
    }
  });

  it('copies an example with the keyboard and says so to screen readers, with no CSP violation', async () => {
    const session = await env.open();
    const { context, page } = session;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.herald.base });
    await page.goto(`${env.herald.base}/docs`);
    const button = page.getByRole('button', { name: 'Copy the example: Herald.track(name, props?)' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('Copied the example "Herald.track(name, props?)" to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      await page.locator('#code-track').textContent(),
    );
    expect(await button.textContent()).toBe('Copied');
    expect(session.pageErrors).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });
});
