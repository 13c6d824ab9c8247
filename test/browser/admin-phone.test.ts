import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, adminEnv, signIn } from '../support/admin-browser.ts';

const PHONE = { width: 390, height: 844 };

/**
 * How far the page reaches to the right, and the innermost elements that stick out past the viewport (to say
 * what to fix). Elements inside a box that scrolls or clips sideways (a wide table in its scroller) do not count.
 */
async function width(page: Page): Promise<{ scrollWidth: number; wide: string[] }> {
  return page.evaluate(() => {
    const clipped = (el: Element): boolean => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      }
      return false;
    };
    const out = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.right > window.innerWidth + 1 && !clipped(el);
    };
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => out(el) && ![...el.children].some(out))
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${el.className} → ${Math.round(el.getBoundingClientRect().right)}px`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 6) };
  });
}

describe('the admin page on a phone (390 × 844)', () => {
  const env = adminEnv();
  let page: Page;
  const paths: [string, string][] = [];

  beforeAll(async () => {
    const { server } = env;
    const { site, launch, survey } = await server.demoIds();
    const releases = (await server.api('GET', `/api/sites/${site}/releases`)).body.releases;
    const release = releases[0].id as string;
    // A segment with a long audience, so that the Segments page has a table row to fit.
    const texas = { city: { $in: ['Austin', 'Dallas', 'Houston', 'El Paso', 'San Antonio', 'Fort Worth'] } };
    const saved = await server.api('POST', `/api/sites/${site}/segments`, {
      name: 'Texas',
      condition: texas,
    });
    expect(saved.status).toBe(201);
    paths.push(
      ['sites', '/sites'],
      ['site settings', `/sites/${site}/settings`],
      ['messages', `/sites/${site}/messages`],
      ['new message', `/sites/${site}/messages/new`],
      ['message editor', `/messages/${launch}`],
      ['results', `/messages/${survey}/results`],
      ['users', `/sites/${site}/users`],
      ['segments', `/sites/${site}/segments`],
      ['releases', `/sites/${site}/releases`],
      ['new release', `/sites/${site}/releases/new`],
      ['release', `/releases/${release}`],
      ['release edit', `/releases/${release}/edit`],
      ['accounts', '/accounts'],
      ['audit log', '/audit'],
    );
    page = (await env.open({ viewport: PHONE })).page;
  });

  it('fits the sign-in page in the viewport', async () => {
    await page.goto(`${env.server.base}/admin/`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await width(page)).toEqual({ scrollWidth: PHONE.width, wide: [] });
  });

  it('fits every signed-in page in the viewport, without sideways scrolling', async () => {
    await signIn(page, env.server.base, ADMIN);
    const found: Record<string, { scrollWidth: number; wide: string[] }> = {};
    for (const [name, path] of paths) {
      await page.goto(`${env.server.base}/admin${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      // Let the page's data arrive and lay out (tables, charts, previews).
      await page.waitForLoadState('networkidle');
      found[name] = await width(page);
    }
    const fits = Object.fromEntries(paths.map(([name]) => [name, { scrollWidth: PHONE.width, wide: [] }]));
    expect(found).toEqual(fits);
  });

  it('fits a paused release, its pause banner and the Resume dialog with its estimate', async () => {
    const [, releasePath] = paths.find(([name]) => name === 'release') ?? ['', ''];
    const id = releasePath.split('/').at(-1);
    const release = (await env.server.api('GET', `/api/releases/${id}`)).body;
    if (release.status === 'draft') await env.server.api('POST', `/api/releases/${id}/advance`);
    expect((await env.server.api('POST', `/api/releases/${id}/pause`)).status).toBe(200);
    await page.goto(`${env.server.base}/admin${releasePath}`);
    await page.getByRole('region', { name: /^This release is paused/ }).waitFor();
    expect(await width(page)).toEqual({ scrollWidth: PHONE.width, wide: [] });
    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'Resume?' })
      .getByText(/^This reaches about \d+ more/)
      .waitFor();
    expect(await width(page)).toEqual({ scrollWidth: PHONE.width, wide: [] });
  });

  it('shows the role badge whole and keeps the menu close above the page', async () => {
    await page.goto(`${env.server.base}/admin/sites`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const role = await page.locator('.role').boundingBox();
    expect(role && role.x + role.width).toBeLessThanOrEqual(PHONE.width);
    const nav = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
    const heading = await page.getByRole('heading', { level: 1 }).first().boundingBox();
    // The closed menu is one row: the page's heading follows it, not a screen of blank space.
    expect((heading?.y ?? 0) - ((nav?.y ?? 0) + (nav?.height ?? 0))).toBeLessThan(60);
  });
});
