import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ADMIN, adminEnv } from '../support/admin-browser.ts';

const SURVEY = 'How was reserving ahead?';
const LAUNCH = 'Reserve ahead — Austin launch';

describe('why a user sees a message or not, in the admin', () => {
  const env = adminEnv();

  it('tells, in the editor’s preview, that a sample user from Boston is hidden because of the audience', async () => {
    const { server } = env;
    const site = await server.demoSite();
    const created = await server.api('POST', `/api/sites/${site.id}/messages`, {
      kind: 'announcement',
      name: 'Group rides — Austin',
      display: { style: 'modal' },
      content: { en: { title: 'Group rides are here', body: 'Book four scooters at once.' } },
      audience: { city: 'Austin' },
    });
    expect(created.status).toBe(201);

    const { page } = await env.signedIn(ADMIN);
    await page.goto(`${server.base}/admin/messages/${created.body.id}`);
    const traits = page.getByLabel('Sample traits (JSON)', { exact: true });
    const check = page.getByRole('button', { name: 'Check sample user' });
    const verdict = page.getByRole('status').filter({ hasText: /^(Hidden|Shown)/ });

    await traits.fill('{"city":"Boston"}');
    await check.click();
    await verdict.waitFor();
    const hidden = await verdict.textContent();
    expect(hidden).toContain('Hidden');
    expect(hidden).toContain('This user is not in the audience.');
    expect(hidden).toContain('not-in-audience');

    // The same check for Austin is shown: the reason above is the audience's, not the check's.
    await traits.fill('{"city":"Austin"}');
    await check.click();
    await verdict.filter({ hasText: 'Shown' }).waitFor();
  });

  it('shows, for one user, the traits last seen and the messages they saw, dismissed and answered', async () => {
    const { server } = env;
    const user = { id: 'u_austin_1' };
    const decided = await server.api('POST', '/v1/decide', {
      site: 'pk_demo',
      user: { ...user, traits: { city: 'Austin', plan: 'pro' } },
      context: { url: `${server.base}/demo/` },
    });
    expect(decided.status).toBe(200);
    const [survey, launch] = [await server.messageId(SURVEY), await server.messageId(LAUNCH)];
    const at = new Date().toISOString();
    // Sent back with the receipts decide served each message with, as the widget does.
    const receipts = new Map<string, string>(
      decided.body.messages.map((m: { id: string; receipt: string }) => [m.id, m.receipt]),
    );
    const event = (type: string, messageId: string, more = {}) => ({
      id: randomUUID(),
      type,
      messageId,
      at,
      user,
      receipt: receipts.get(messageId),
      ...more,
    });
    const events = [
      event('impression', launch),
      event('dismiss', launch),
      event('impression', survey),
      event('response', survey, { value: 4, text: 'Quick and easy' }),
    ];
    const sent = await server.api('POST', '/v1/events', { site: 'pk_demo', events });
    expect(sent.body).toEqual({ accepted: 4, duplicates: 0 });

    const { page } = await env.signedIn(ADMIN);
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByLabel('User id or anonymous id', { exact: true }).fill(user.id);
    await page.getByRole('button', { name: 'Look up' }).click();

    const traits = page.getByRole('region', { name: 'Traits' });
    await traits.getByText('Austin', { exact: true }).waitFor();
    const messages = page.getByRole('table', { name: 'Messages' });
    const answered = messages.getByRole('row').filter({ hasText: SURVEY });
    const dismissed = messages.getByRole('row').filter({ hasText: LAUNCH });
    const cells = async (row: typeof answered) =>
      (await row.getByRole('cell').allTextContents()).map((t) => t.trim());
    // Columns after the name: impressions, last seen, dismissed, clicked, answered, would see it now.
    const [surveyCells, launchCells] = [await cells(answered), await cells(dismissed)];
    expect(surveyCells[0]).toBe('1');
    expect(surveyCells[4]).toBe('4 · Quick and easy');
    expect(launchCells[0]).toBe('1');
    expect(launchCells[2]).not.toBe('–');
    expect(launchCells[5]).toContain('This user dismissed it.');
  });
});
