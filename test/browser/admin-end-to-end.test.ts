import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN, adminEnv } from '../support/admin-browser.ts';

const TITLE = 'Group rides are here';
const NAME = 'Group rides — Austin';
const COMMENT = 'The scooter was waiting for me.';
const SURVEY = 'How was reserving ahead?';

/** Waits for the widget's decide answer for `userId`, triggered by `act`; returns the message ids shown. */
async function decidedFor(page: Page, userId: string, act: () => Promise<unknown>): Promise<string[]> {
  const answer = page.waitForResponse(
    (r: Response) => r.url().endsWith('/v1/decide') && (r.request().postData() ?? '').includes(userId),
    { timeout: 30_000 },
  );
  await act();
  const body = (await (await answer).json()) as { messages: { id: string }[] };
  return body.messages.map((m) => m.id);
}

describe('a product manager composes, targets, publishes and reads results in the admin page', () => {
  const env = adminEnv();

  it('creates a site, publishes an announcement for Austin that the demo page shows only to Austin, and shows the rating given there', async () => {
    const { server } = env;
    const { context, page } = await env.signedIn(ADMIN);

    // A new site, from the "All sites" page.
    await page.getByRole('link', { name: 'All sites' }).click();
    await page.getByLabel('Site name', { exact: true }).fill('Scooter shop');
    await page.getByRole('button', { name: 'Create site' }).click();
    await page.getByRole('heading', { name: 'Scooter shop settings' }).waitFor();
    const sites = (await server.api('GET', '/api/sites')).body.sites as { name: string }[];
    expect(sites.map((s) => s.name)).toContain('Scooter shop');

    // Compose an announcement on the demo site through the form.
    const demo = await server.demoSite();
    await page.getByLabel('Site', { exact: true }).selectOption({ label: demo.name });
    await page.getByRole('button', { name: 'New message' }).click();
    await page.getByLabel('Message name', { exact: true }).fill(NAME);
    await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Announcement' });
    await page.getByLabel('Style', { exact: true }).selectOption({ label: 'Modal' });
    await page.getByLabel('Title', { exact: true }).fill(TITLE);
    await page
      .getByLabel('Body', { exact: true })
      .fill('Ride together: book up to **four** scooters at once.');
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByLabel('Trait 1', { exact: true }).fill('city');
    await page.getByLabel('Operator 1', { exact: true }).selectOption({ label: 'is' });
    await page.getByLabel('Value 1', { exact: true }).fill('Austin');
    await page.getByLabel('Priority', { exact: true }).fill('100');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(/\/admin\/messages\/[^/]+$/);
    await page.getByText('Draft saved.').waitFor();
    // Publishing asks first, saying how many known users its audience (Austin) matches: none yet on a new site.
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const publish = page.getByRole('dialog', { name: 'Publish this message?' });
    await publish
      .getByText('No known users yet to estimate from. Those who match may see it from now on.', {
        exact: true,
      })
      .waitFor();
    await publish.getByRole('button', { name: 'Publish now' }).click();
    await page.getByText('Published.').waitFor();

    const id = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    const saved = (await server.api('GET', `/api/messages/${id}`)).body;
    expect(saved).toMatchObject({
      name: NAME,
      kind: 'announcement',
      status: 'live',
      display: { style: 'modal' },
      audience: { city: 'Austin' },
      priority: 100,
    });

    // The seeded launch modal would take the one interruption slot after ours and hide the survey.
    const seeded = await server.messageId('Reserve ahead — Austin launch');
    expect((await server.api('POST', `/api/messages/${seeded}/archive`)).status).toBe(200);

    // The demo page, as Theo from Boston: the widget answers without the announcement.
    const demoPage = await context.newPage();
    await demoPage.goto(`${server.base}/demo/`);
    const user = demoPage.getByLabel('Signed in as');
    const forBoston = await decidedFor(demoPage, 'u_boston_1', () =>
      user.selectOption({ label: 'Theo · Boston' }),
    );
    expect(forBoston).not.toContain(id);
    // The feed launcher is drawn from the same answer: the widget has shown what Theo gets.
    await demoPage.getByRole('button', { name: /^What's new, / }).waitFor({ timeout: 30_000 });
    expect(await demoPage.getByRole('dialog', { name: TITLE }).count()).toBe(0);

    // As Maya from Austin: the announcement shows, as a dialog named by its title.
    const forAustin = await decidedFor(demoPage, 'u_austin_1', () =>
      user.selectOption({ label: 'Maya · Austin' }),
    );
    expect(forAustin).toContain(id);
    const dialog = demoPage.getByRole('dialog', { name: TITLE });
    await dialog.waitFor({ timeout: 30_000 });
    await demoPage.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // Maya reserves a scooter and answers the survey that follows: 4 stars and a comment.
    await demoPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reserve' }).click();
    await demoPage.getByRole('button', { name: 'Confirm reservation' }).click();
    await demoPage.getByRole('button', { name: '4 out of 5' }).click({ timeout: 30_000 });
    await demoPage.getByRole('textbox', { name: 'Tell us more (optional)' }).fill(COMMENT);
    await demoPage.getByRole('button', { name: 'Submit' }).click();
    await demoPage.getByText('Thank you for your feedback!').waitFor();

    // The survey's results page shows the rating and the comment (it polls; no reload).
    await page.bringToFront();
    await page.getByRole('link', { name: 'Messages', exact: true }).click();
    await page.getByRole('link', { name: `Results of ${SURVEY}` }).click();
    const ratings = page.getByRole('region', { name: 'Ratings' });
    await ratings.getByText('average of 1').waitFor({ timeout: 20_000 });
    const four = ratings.locator('.step').filter({ hasText: '4 ★' });
    expect(await four.locator('.num').textContent()).toBe('1');
    const row = page.getByRole('table', { name: 'Responses' }).getByRole('row').filter({ hasText: COMMENT });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toContain('4 ★');
    expect(await row.textContent()).toContain('u_austin_1');
  });
});
