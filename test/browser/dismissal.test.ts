import { beforeAll, describe, expect, it } from 'vitest';
import { browserEnv } from '../support/browser.ts';
import { announcement, inAustin, resultsOnce } from '../support/browser-server.ts';

const NEWS = 'Rides now export to CSV';
const SENTINEL = 'Winter rates for every rider';

// On the Node server and once on the Worker in workerd with a local D1 (issue 13): the same widget, the same answers.
describe.each([
  ['the Node server', false],
  ['the Worker in workerd', true],
])('a dismissed modal, served by %s', (_server, edge) => {
  const env = browserEnv({ edge, site: 'Dismissal' });
  let modal: string;

  beforeAll(async () => {
    const copy = { title: NEWS, body: 'Download every ride from **Rides → Export**.' };
    const more = { frequency: { mode: 'untilDismissed' as const }, priority: 10 };
    modal = await env.publish(announcement({ style: 'modal' }, copy, more));
    // Lower priority and never dismissed: once it is on screen, the modal would have been shown first.
    const banner = announcement({ style: 'banner', position: 'bottom' }, { title: SENTINEL });
    await env.publish(banner);
    env.page('/app/*', {
      body: '<main><h1>Zipp</h1><p>Your rides.</p></main>',
      user: inAustin('u_dismisser'),
    });
  });

  it('stays dismissed after a reload, and in another browser of the same user', async () => {
    const { page } = await env.visit('/app/rides');
    const dialog = page.getByRole('dialog', { name: NEWS });
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('region', { name: SENTINEL }).waitFor({ state: 'visible' });

    await page.reload();
    await page.getByRole('region', { name: SENTINEL }).waitFor({ state: 'visible', timeout: 30_000 });
    expect(await dialog.count()).toBe(0);

    const { results } = await resultsOnce(env.herald, modal, 'dismissals');
    expect(results).toMatchObject({ impressions: 1, dismissals: 1 });

    // Another device: nothing stored locally, so only the server can know.
    const other = await env.open();
    await other.page.goto(env.host.url('/app/rides'));
    await other.page.getByRole('region', { name: SENTINEL }).waitFor({ state: 'visible', timeout: 30_000 });
    expect(await other.page.getByRole('dialog', { name: NEWS }).count()).toBe(0);
  });
});
