import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, adminEnv, DEMO_LAUNCH, signIn } from '../support/admin-browser.ts';

/** Every CSP violation the page reports, as the browser's event and as its console message. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const messages: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) messages.push(m.text());
  });
  page.on('pageerror', (e) => messages.push(`page error: ${e.message}`));
  // An init script runs before the page's own and is not subject to its CSP.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
      ),
    );
  });
  return async () => [
    ...messages,
    ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)),
  ];
}

describe('the admin page under its CSP (no unsafe-inline), in Chromium', () => {
  const env = adminEnv();
  let ids: { site: string; launch: string; survey: string };

  beforeAll(async () => {
    const { server } = env;
    ids = await server.demoIds();
  });

  it('signs in, lists, edits with a live preview, shows results and releases with no CSP violation', async () => {
    const { server } = env;
    const { page } = await env.open();
    const violations = await watchViolations(page);
    const response = await page.goto(`${server.base}/admin/`);
    expect(response?.headers()['content-security-policy']).not.toContain('unsafe-inline');
    await signIn(page, server.base, ADMIN);

    await page.goto(`${server.base}/admin/sites/${ids.site}/messages`);
    await page.getByRole('link', { name: DEMO_LAUNCH, exact: true }).waitFor();
    // The stylesheet applied: the sign-out button is not the browser's default grey button.
    const styled = await page.evaluate(() => document.styleSheets.length);
    expect(styled).toBeGreaterThan(0);

    await page.goto(`${server.base}/admin/messages/${ids.launch}`);
    await page.getByRole('heading', { name: DEMO_LAUNCH, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Check sample user' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^(Hidden|Shown)/ })
      .waitFor();
    // The preview draws the widget in a shadow root styled by a constructable stylesheet.
    const adopted = await page.evaluate(() =>
      [...document.querySelectorAll('*')].some((el) => (el.shadowRoot?.adoptedStyleSheets.length ?? 0) > 0),
    );
    expect(adopted).toBe(true);

    await page.goto(`${server.base}/admin/messages/${ids.survey}/results`);
    await page.getByRole('region', { name: 'Ratings' }).waitFor();

    await page.goto(`${server.base}/admin/sites/${ids.site}/releases`);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();

    expect(await violations()).toEqual([]);
  });

  it('refuses an injected inline script: the CSP is really enforced', async () => {
    const { page } = await env.open();
    const violations = await watchViolations(page);
    await page.goto(`${env.server.base}/admin/`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.injected = true';
      document.head.append(s);
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    expect((await violations()).join('\n')).toMatch(/script-src/);
  });

  it('serves the API docs styled, with no CSP violation', async () => {
    const { page } = await env.open();
    const violations = await watchViolations(page);
    await page.goto(`${env.server.base}/docs`);
    await page.getByRole('heading', { name: 'Herald API' }).waitFor();
    const width = await page.evaluate(() => getComputedStyle(document.body).maxWidth);
    expect(width).not.toBe('none');
    expect(await violations()).toEqual([]);
  });
});
