import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, seriousViolations, signIn } from '../support/admin-browser.ts';
import { launchChromium } from '../support/browser.ts';
import { type HeraldServer, startHerald } from '../support/browser-server.ts';

/**
 * `npm start`'s demo with its simulated two weeks, as a product manager meets it in the admin: the release
 * page says the numbers are demo data, and "Remove demo data" takes them away in one click.
 */
describe('demo data in the admin', () => {
  let server: HeraldServer;
  const closers: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    server = await startHerald(
      { HERALD_ADMIN_EMAIL: ADMIN.email, HERALD_ADMIN_PASSWORD: ADMIN.password, HERALD_DEMO_HISTORY: 'on' },
      { admin: true },
    );
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await server?.stop();
  });

  it('labels the demo release’s report as simulated, and an admin removes it with one click', async () => {
    const site = (await server.api('GET', '/api/sites')).body.sites[0];
    const release = (await server.api('GET', `/api/sites/${site.id}/releases`)).body.releases[0];
    // axe-core is injected as a script, which the admin page's own CSP would refuse.
    const { page, close } = await launchChromium({ bypassCSP: true });
    closers.push(close);
    await signIn(page, server.base, ADMIN);
    await page.goto(`${server.base}/admin/releases/${release.id}`);

    const notice = page.getByRole('region', { name: 'Demo data' });
    await notice.getByText(/simulated pilot traffic \(\d+ made-up users, [\d,]+ events\)/).waitFor();
    // The pilot's row shows the simulated riders the API counts.
    const exposed = (await server.api('GET', `/api/releases/${release.id}/report`)).body.groups[0].goal
      .exposed.users;
    expect(exposed).toBeGreaterThan(0);
    const pilotExposed = page
      .getByRole('row', { name: /Pilot: Austin/ })
      .getByRole('cell')
      .first();
    await pilotExposed.getByText(exposed.toLocaleString('en'), { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await notice.getByRole('button', { name: 'Remove demo data' }).click();
    await notice.waitFor({ state: 'detached' });
    // The report follows at once: no exposed users left in the pilot.
    await pilotExposed.getByText('0', { exact: true }).waitFor();
    expect((await server.api('GET', `/api/sites/${site.id}/demo-data`)).body).toEqual({
      users: 0,
      events: 0,
    });
    const audit = (await server.api('GET', '/api/audit')).body.entries;
    expect(audit[0]).toMatchObject({ action: 'DELETE /api/sites/:siteId/demo-data', actor: ADMIN.email });
    // A reload finds no label: the site has no demo data left.
    await page.reload();
    await page.getByRole('heading', { name: 'Reserve ahead', level: 1 }).waitFor();
    await pilotExposed.getByText('0', { exact: true }).waitFor();
    expect(await page.getByRole('region', { name: 'Demo data' }).count()).toBe(0);
  });
});
