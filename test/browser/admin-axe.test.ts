import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, adminEnv, DEMO_LAUNCH, seriousViolations, signIn } from '../support/admin-browser.ts';

const COMMENT = 'Quick and easy';

/** Runs axe-core on what the page shows now; prints what it found so a failure says what to fix. */
async function expectNoSeriousViolation(page: Page, what: string) {
  const found = await seriousViolations(page);
  if (found.length > 0) console.log(`axe on the ${what}:\n${JSON.stringify(found, null, 2)}`);
  expect(found).toEqual([]);
}

describe('the admin page under axe-core (WCAG 2 A and AA)', () => {
  const env = adminEnv();
  let page: Page;
  let ids: { site: string; launch: string; survey: string };

  beforeAll(async () => {
    const { server } = env;
    ids = await server.demoIds();
    // Some results, so the results page draws its chart, bars and responses table.
    const at = new Date().toISOString();
    const user = { id: 'u_austin_1' };
    const decided = await server.api('POST', '/v1/decide', {
      site: 'pk_demo',
      user: { ...user, traits: { city: 'Austin', plan: 'pro' } },
      context: { url: `${server.base}/demo/` },
    });
    // The receipt the survey was served with, which the widget sends back with its events.
    const receipt = decided.body.messages.find((m: { id: string }) => m.id === ids.survey)?.receipt;
    const events = [
      { id: randomUUID(), type: 'impression', messageId: ids.survey, at, user, receipt },
      {
        id: randomUUID(),
        type: 'response',
        messageId: ids.survey,
        at,
        user,
        receipt,
        value: 5,
        text: COMMENT,
      },
    ];
    expect((await server.api('POST', '/v1/events', { site: 'pk_demo', events })).status).toBe(200);
    // axe-core is injected as a script, which the admin page's own CSP would refuse.
    page = (await env.open({ bypassCSP: true })).page;
  });

  it('finds no serious or critical violation on the sign-in page', async () => {
    await page.goto(`${env.server.base}/admin/`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await expectNoSeriousViolation(page, 'sign-in page');
  });

  it('finds no serious or critical violation on the messages list', async () => {
    await signIn(page, env.server.base, ADMIN);
    await page.goto(`${env.server.base}/admin/sites/${ids.site}/messages`);
    await page.getByRole('link', { name: DEMO_LAUNCH, exact: true }).waitFor();
    await expectNoSeriousViolation(page, 'messages list');
  });

  it('finds no serious or critical violation in the message editor', async () => {
    await page.goto(`${env.server.base}/admin/messages/${ids.launch}`);
    await page.getByRole('heading', { name: DEMO_LAUNCH, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Check sample user' }).waitFor();
    await page.getByLabel('Trait 1', { exact: true }).waitFor();
    await expectNoSeriousViolation(page, 'message editor');
  });

  it('finds no serious or critical violation on the results page', async () => {
    await page.goto(`${env.server.base}/admin/messages/${ids.survey}/results`);
    await page.getByRole('region', { name: 'Ratings' }).waitFor();
    await page.getByRole('table', { name: 'Responses' }).getByText(COMMENT).waitFor();
    await page.getByRole('img', { name: /^Impressions, clicks, dismissals and responses/ }).waitFor();
    await page.locator('.chart canvas').first().waitFor();
    await expectNoSeriousViolation(page, 'results page');
  });
});
