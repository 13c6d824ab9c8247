import { beforeAll, describe, expect, it } from 'vitest';
import { browserEnv, track } from '../support/browser.ts';
import { announcement, inAustin, onEvent, resultsOnce, surveyDraft } from '../support/browser-server.ts';

const NEWS = 'Offline mode is here';
const QUESTION = 'How was editing offline?';
const GOAL = 'note_edited_offline';

/**
 * Surveys are not starved (issue 10): on a site with the DEFAULT attention budget (3 a day, 30 minutes
 * apart), the release's announcement spends the gap, and the release's own survey, asked when the user
 * edits a note offline, still shows in the same session.
 */
describe('a release’s survey after its own announcement, on the default attention budget', () => {
  // No `attention` field: the site gets the schema's default budget.
  const env = browserEnv({ site: 'Default budget', siteFields: { attention: undefined } });
  let survey: string;

  beforeAll(async () => {
    const { site } = env;
    expect((await env.herald.api('GET', `/api/sites/${site.id}`)).body.attention).toEqual({
      maxPerDay: 3,
      minGapMinutes: 30,
    });
    const release = await env.herald.api('POST', `/api/sites/${site.id}/releases`, {
      key: 'offline-mode',
      name: 'Offline mode',
      phases: [{ name: 'Pilot: Austin', audience: { city: 'Austin' }, percent: 100 }],
    });
    expect((await env.herald.api('POST', `/api/releases/${release.body.id}/advance`)).status).toBe(200);
    const releaseId = release.body.id as string;
    await env.publish(
      announcement(
        { style: 'modal' },
        { title: NEWS, body: 'Edit notes without a connection.' },
        { releaseId },
      ),
    );
    survey = await env.publish(
      surveyDraft(
        { style: 'slideout' },
        QUESTION,
        { scale: 'stars5' },
        { name: 'Offline mode rating', trigger: onEvent(GOAL), releaseId },
      ),
    );
    env.page('/notes/*', { body: '<main><h1>Notes</h1></main>', user: inAustin('u_austin') });
  });

  it('shows an Austin user the announcement, then the survey when they edit offline', async () => {
    const { page } = await env.visit('/notes/home');
    const news = page.getByRole('dialog', { name: NEWS });
    await news.waitFor();
    await page.keyboard.press('Escape');
    await news.waitFor({ state: 'hidden' });

    await track(page, GOAL);
    const card = page.getByRole('dialog', { name: QUESTION });
    await card.waitFor();
    await card.getByRole('button', { name: '4 out of 5' }).click();
    const { results } = await resultsOnce(env.herald, survey, 'responses');
    expect(results).toMatchObject({ responses: 1, rating: { count: 1, average: 4 } });
  }, 120_000);
});
