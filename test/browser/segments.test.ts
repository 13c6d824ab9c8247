import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN, adminEnv, seriousViolations, signIn } from '../support/admin-browser.ts';

const RELEASE = 'Offline mode';

describe('a product manager saves the audience "Texas" once and uses it in a release phase', () => {
  const env = adminEnv();

  /** What `/v1/decide` answers for the release to a user in `city` (the user's traits are recorded). */
  async function decideIn(id: string, city: string) {
    const res = await fetch(`${env.server.base}/v1/decide`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ site: 'pk_demo', user: { id, traits: { city } } }),
    });
    expect(res.status).toBe(200);
    return (await res.json()).releases['offline-mode'] as { enabled: boolean; phase?: string };
  }

  /** The Segments page's live status once it says `text`. */
  const said = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

  it('creates the segment, picks it in a phase by name, edits it once, and decide and the lookup follow', async () => {
    const { server } = env;
    // axe-core is injected as a script, which the admin page's own CSP would refuse.
    const { page } = await env.open({ bypassCSP: true });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, server.base, ADMIN);
    const nav = page.getByRole('navigation', { name: 'Main' });

    // Save "Texas": city is one of Austin, Dallas.
    await nav.getByRole('link', { name: 'Segments' }).click();
    await page.getByRole('heading', { name: 'Segments', level: 1 }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Texas');
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByLabel('Trait 1', { exact: true }).fill('city');
    await page.getByLabel('Operator 1', { exact: true }).selectOption({ label: 'is one of' });
    await page.getByLabel('Value 1', { exact: true }).fill('Austin, Dallas');
    await page.getByRole('button', { name: 'Create segment' }).click();
    await said(page, 'Segment “Texas” created.');
    const texasRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Texas' }) });
    await texasRow.getByRole('cell', { name: 'Nothing yet', exact: true }).waitFor();

    // A release whose one phase is the segment, picked by its name.
    await nav.getByRole('link', { name: 'Releases' }).click();
    await page.getByRole('link', { name: 'New release' }).click();
    await page.getByLabel('Release name', { exact: true }).fill(RELEASE);
    await page.getByLabel('Phase 1 name', { exact: true }).fill('Texas');
    await page.getByLabel('Phase 1 percent', { exact: true }).fill('100');
    await page.getByLabel('Holdout (%)', { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Add segment' }).click();
    const picker = page.getByLabel('Segment 1', { exact: true });
    await picker.selectOption({ label: 'Texas' });
    await page.getByRole('button', { name: 'Create release' }).click();
    await page.waitForURL(/\/admin\/releases\/rel_[^/]+$/);
    const releaseId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    const stored = (await server.api('GET', `/api/releases/${releaseId}`)).body;
    const segments = (await server.api('GET', `/api/sites/${stored.siteId}/segments`)).body.segments;
    const texasId = segments.find((s: { name: string }) => s.name === 'Texas').id;
    expect(stored.phases[0].audience).toEqual({ $segment: texasId });
    await page.getByRole('button', { name: 'Start “Texas”' }).click();
    await page
      .getByRole('dialog', { name: 'Start “Texas”?' })
      .getByRole('button', { name: 'Start “Texas” now' })
      .click();
    await page
      .getByRole('region', { name: 'Rollout' })
      .getByText('Current phase: “Texas” (1 of 1)')
      .waitFor();

    expect(await decideIn('u_seg_dallas', 'Dallas')).toMatchObject({ enabled: true, phase: 'Texas' });
    expect((await decideIn('u_seg_houston', 'Houston')).enabled).toBe(false);

    // Edit the segment once: the page says the release follows; decide does at once.
    await nav.getByRole('link', { name: 'Segments' }).click();
    await texasRow
      .getByRole('cell', { name: 'release “Offline mode” (phase “Texas”)', exact: true })
      .waitFor();
    await texasRow.getByRole('button', { name: 'Edit Texas' }).click();
    await page.getByRole('heading', { name: 'Edit segment “Texas”' }).waitFor();
    await page.getByLabel('Value 1', { exact: true }).fill('Austin, Dallas, Houston');
    await page.getByRole('button', { name: 'Save segment' }).click();
    await said(page, 'Segment “Texas” saved; release “Offline mode” (phase “Texas”) follow it at once.');
    expect((await decideIn('u_seg_houston', 'Houston')).enabled).toBe(true);
    expect((await decideIn('u_seg_boston', 'Boston')).enabled).toBe(false);

    // Support's lookup names the segment that keeps a Boston user out.
    await nav.getByRole('link', { name: 'Users' }).click();
    await page.getByLabel('User id or anonymous id', { exact: true }).fill('u_seg_boston');
    await page.getByRole('button', { name: 'Look up' }).click();
    const release = page
      .getByRole('region', { name: 'Releases' })
      .getByRole('listitem')
      .filter({ hasText: RELEASE });
    await release
      .getByText(
        'outside the audience of the current phase “Texas” (segment “Texas”); no later phase reaches them',
      )
      .waitFor();

    // A segment in use cannot be deleted; the page says what uses it.
    await nav.getByRole('link', { name: 'Segments' }).click();
    await texasRow.getByRole('button', { name: 'Delete Texas' }).click();
    await page
      .getByRole('dialog', { name: 'Delete segment “Texas”?' })
      .getByRole('button', { name: 'Delete segment' })
      .click();
    await said(page, 'Not deleted: segment “Texas” is used by release “Offline mode” (phase “Texas”)');
    // The page, with its table, form and rows, under axe-core (WCAG 2 A and AA).
    await texasRow.getByRole('button', { name: 'Edit Texas' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
