import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN, adminEnv, seriousViolations, signIn } from '../support/admin-browser.ts';

const RELEASE = 'Group rides';
const MESSAGE = 'Group rides — launch';
const AUSTIN_USERS = ['u_gr_1', 'u_gr_2', 'u_gr_3', 'u_gr_4'];

/** The text of the polite live region of the rollout panel, once it says `text`. */
async function said(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole('region', { name: 'Rollout' }).getByRole('status').filter({ hasText: text }).waitFor();
}

describe('a product manager runs a phased release in the admin page', () => {
  const env = adminEnv();

  it('creates a release from the template, attaches an announcement, advances, reads the gate and the report, pauses, resumes and rolls back', async () => {
    const { server } = env;
    const { page } = await env.open();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // The admin page runs under `style-src 'self'`: the chart must draw without tripping it.
    page.on('console', (m) => m.text().includes('Content Security Policy') && pageErrors.push(m.text()));
    await signIn(page, server.base, ADMIN);
    const demo = await server.demoSite();

    // Plan: three phases from the template, the pilot widened to all of Austin, a goal and a gate.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Releases' }).click();
    await page.getByRole('heading', { name: 'Releases', level: 1 }).waitFor();
    await page.getByRole('row').filter({ hasText: 'reserve-ahead' }).waitFor();
    await page.getByRole('link', { name: 'New release' }).click();
    await page.getByLabel('Release name', { exact: true }).fill(RELEASE);
    expect(await page.getByLabel('Key', { exact: true }).inputValue()).toBe('group-rides');
    await page.getByLabel('Pilot city', { exact: true }).fill('Austin');
    await page.getByLabel('Other cities in the region', { exact: true }).fill('Dallas, Houston');
    await page.getByRole('button', { name: 'Use template: pilot city → region → everyone' }).click();
    const phases = page.locator('ol.phases > li');
    await expect.poll(() => phases.count()).toBe(3);
    await page.getByLabel('Phase 1 percent', { exact: true }).fill('100');
    await page.getByLabel('Phase 2 name', { exact: true }).fill('Texas');
    await page.getByLabel('Holdout (%)', { exact: true }).fill('0');
    await page.getByLabel('Goal event', { exact: true }).fill('group_ride_booked');
    await page
      .getByLabel('Advance to the next phase by itself when the gate is met', { exact: true })
      .check();
    await page.getByRole('button', { name: 'Create release' }).click();
    await page.waitForURL(/\/admin\/releases\/rel_[^/]+$/);
    await page.getByRole('heading', { name: RELEASE, level: 1, exact: true }).waitFor();
    const releaseId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    const stored = (await server.api('GET', `/api/releases/${releaseId}`)).body;
    expect(stored.phases.map((p: { name: string }) => p.name)).toEqual([
      'Pilot: Austin',
      'Texas',
      'Everyone',
    ]);
    expect(stored.phases[1].audience).toEqual({ city: { $in: ['Austin', 'Dallas', 'Houston'] } });

    // Attach an announcement (through the API); the list and the editor show the release it follows.
    const created = await server.api('POST', `/api/sites/${demo.id}/messages`, {
      kind: 'announcement',
      name: MESSAGE,
      display: { style: 'banner' },
      content: { en: { title: 'Ride together', body: 'Book up to four scooters at once.' } },
      releaseId,
    });
    expect(created.status).toBe(201);
    expect((await server.api('POST', `/api/messages/${created.body.id}/publish`)).status).toBe(200);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Messages' }).click();
    const row = page.getByRole('row').filter({ hasText: MESSAGE });
    await row.getByRole('link', { name: RELEASE, exact: true }).waitFor();
    expect(await row.textContent()).toContain('Draft');
    await row.getByRole('link', { name: MESSAGE, exact: true }).click();
    await page.locator('.release-now').filter({ hasText: 'Not started' }).waitFor();
    expect(await page.getByLabel('Release', { exact: true }).inputValue()).toBe(releaseId);
    await page.locator('.release-now').getByRole('link', { name: RELEASE }).click();
    await page.getByRole('heading', { name: RELEASE, level: 1, exact: true }).waitFor();

    // Pilot: start the first phase; the gate appears with each check.
    const rollout = page.getByRole('region', { name: 'Rollout' });
    // Widening asks first, with how many known users it newly reaches; Cancel leaves the draft as it is.
    await page.getByRole('button', { name: 'Start “Pilot: Austin”' }).click();
    const start = page.getByRole('dialog', { name: 'Start “Pilot: Austin”?' });
    await start.getByText(/^This reaches about \d+ more of the \d+ known users/).waitFor();
    await start.getByRole('button', { name: 'Cancel' }).click();
    expect((await server.api('GET', `/api/releases/${releaseId}`)).body.status).toBe('draft');
    await page.getByRole('button', { name: 'Start “Pilot: Austin”' }).click();
    await start.getByRole('button', { name: 'Start “Pilot: Austin” now' }).click();
    await said(page, 'Started “Pilot: Austin”.');
    await rollout.getByText('Current phase: “Pilot: Austin” (1 of 3)').waitFor();
    await rollout.getByText(/Auto-advance gate: 0\/50 responses, no ratings yet .*, 0 h of 72 h/).waitFor();
    const checks = rollout.getByRole('list', { name: 'Gate checks' }).getByRole('listitem');
    expect(await checks.count()).toBe(3);
    expect(await checks.first().textContent()).toContain('not met yet');

    // Monitor: Austin users ask what to show; the report, which refreshes by itself, counts them exposed.
    for (const id of AUSTIN_USERS) {
      const res = await fetch(`${server.base}/v1/decide`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          site: 'pk_demo',
          user: { id, traits: { city: 'Austin' } },
          context: { url: `${server.base}/demo/` },
        }),
      });
      const body = await res.json();
      expect(body.releases['group-rides']).toEqual({ enabled: true, phase: 'Pilot: Austin', holdout: false });
    }
    const report = page.getByRole('table', { name: 'Release report by phase' });
    const pilotRow = report
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Pilot: Austin' }) });
    await expect
      .poll(async () => (await pilotRow.getByRole('cell').first().textContent())?.trim(), { timeout: 20_000 })
      .toBe(String(AUSTIN_USERS.length));
    const heads = await report.getByRole('columnheader').allTextContents();
    expect(heads).toEqual(expect.arrayContaining(['Exposed users', 'Holdout users', 'Goal, exposed']));
    await page.getByText('Goal: group_ride_booked').waitFor();
    // Phases not started are named under the table, not listed as rows of "too few users".
    expect(await report.getByRole('rowheader').allTextContents()).toEqual(['Pilot: Austin', 'All']);
    await page.getByText('Not started yet: “Texas”, “Everyone”.').waitFor();

    // Expand, then pause and resume by keyboard.
    await page.getByRole('button', { name: 'Advance to “Texas”' }).click();
    const advance = page.getByRole('dialog', { name: 'Advance to “Texas”?' });
    // The pilot's Austin users have it already: they are not counted again.
    await advance.getByText(/^This reaches about \d+ more of the \d+ known users \(4 now, /).waitFor();
    await advance.getByRole('button', { name: 'Advance to “Texas” now' }).click();
    await said(page, 'Advanced to “Texas”.');
    await rollout.getByText('Current phase: “Texas” (2 of 3)').waitFor();
    await page.getByRole('button', { name: 'Pause', exact: true }).focus();
    await page.keyboard.press('Enter');
    await said(page, /^Paused/);
    await rollout.locator('.badge').filter({ hasText: 'Paused' }).waitFor();
    // The Pause button is gone; keyboard focus moved to Resume, so Enter again resumes.
    await page.waitForFunction(() => document.activeElement?.textContent === 'Resume');
    await page.keyboard.press('Enter');
    // The dialog asks first, by keyboard too: focus starts on Cancel; Tab reaches the action.
    const resume = page.getByRole('dialog', { name: 'Resume?' });
    await resume.getByText(/^This reaches about \d+ more/).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Cancel');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await said(page, 'Resumed in “Texas”.');

    // Roll back, with a reason asked for in a dialog.
    await page.getByRole('button', { name: 'Roll back', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Roll back this release?' });
    await dialog.getByLabel('Reason', { exact: true }).fill('Riders in Dallas report double bookings');
    await dialog.getByRole('button', { name: 'Roll back release' }).click();
    await said(page, /^Rolled back/);
    expect(await rollout.getByRole('button').count()).toBe(0);

    // The history, in order, says what happened, by whom and why.
    const history = page.getByRole('region', { name: 'History' }).getByRole('listitem');
    await expect.poll(() => history.count()).toBe(5);
    const entries = await history.allTextContents();
    expect(entries[0]).toContain('Draft → Active, phase “Pilot: Austin”');
    expect(entries[1]).toContain('phase “Pilot: Austin” → “Texas”');
    expect(entries[2]).toContain('Active → Paused');
    expect(entries[3]).toContain('Paused → Active');
    expect(entries[4]).toContain('Active → Rolled back');
    expect(entries[4]).toContain('Riders in Dallas report double bookings');
    expect(entries.every((e) => e.includes(`by ${ADMIN.email}`))).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('finds no serious or critical accessibility violation on the releases pages', async () => {
    const { server } = env;
    // axe is injected as a script, which the admin's CSP would refuse.
    const { page } = await env.signedIn(ADMIN, { bypassCSP: true });
    const demo = await server.demoSite();
    const [seeded] = (await server.api('GET', `/api/sites/${demo.id}/releases`)).body.releases;
    const pages: [string, () => Promise<void>][] = [
      [`/sites/${demo.id}/releases`, () => page.getByRole('table', { name: 'Releases' }).waitFor()],
      [
        `/releases/${seeded.id}`,
        () => page.getByRole('table', { name: 'Release report by phase' }).waitFor(),
      ],
      [`/releases/${seeded.id}/edit`, () => page.getByRole('button', { name: 'Save release' }).waitFor()],
      [
        `/sites/${demo.id}/releases/new`,
        () => page.getByRole('button', { name: 'Create release' }).waitFor(),
      ],
    ];
    for (const [path, ready] of pages) {
      await page.goto(`${server.base}/admin${path}`);
      await ready();
      expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
    }
  });
});
