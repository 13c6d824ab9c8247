import type { Response } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserEnv } from '../support/browser.ts';
import { announcement, createSite, inAustin, publishMessage } from '../support/browser-server.ts';

const AUSTIN_ONLY = 'Austin riders: reserve ahead';
const EVERYONE = 'Winter rates for every rider';

describe('an announcement for Austin users only', () => {
  const env = browserEnv();
  let austinOnly: string;

  beforeAll(async () => {
    const site = await createSite(env.herald, 'Audience', env.host.origin);
    const copy = { title: AUSTIN_ONLY, body: 'Reserve a scooter up to 30 minutes ahead.' };
    const modal = announcement({ style: 'modal' }, copy, { audience: { city: 'Austin' }, priority: 10 });
    austinOnly = await publishMessage(env.herald, site, modal);
    // Lower priority, for everyone: it is on screen only when nothing outranks it.
    await publishMessage(
      env.herald,
      site,
      announcement({ style: 'banner', position: 'top' }, { title: EVERYONE }),
    );
    const body = '<main><h1>Zipp</h1><p>Scooters, two minutes away.</p></main>';
    env.host.page('/austin/*', {
      site: site.publicKey,
      body,
      user: inAustin('u_austin'),
    });
    env.host.page('/boston/*', {
      site: site.publicKey,
      body,
      user: { id: 'u_boston', traits: { city: 'Boston' } },
    });
    // A site with nothing for Boston at all: no message, no changelog post.
    const quiet = await createSite(env.herald, 'Quiet', env.host.origin);
    await publishMessage(env.herald, quiet, modal);
    env.host.page('/quiet/*', {
      site: quiet.publicKey,
      body,
      user: { id: 'u_boston', traits: { city: 'Boston' } },
    });
  });

  it('shows the Austin-only announcement to an Austin user', async () => {
    const { page } = await env.visit('/austin/home');
    await page.getByRole('dialog', { name: AUSTIN_ONLY }).waitFor({ state: 'visible', timeout: 30_000 });
  });

  it('does not show the Austin-only announcement to a Boston user', async () => {
    const { page } = await env.open();
    const answers: Promise<{ messages: { id: string }[] }>[] = [];
    page.on('response', (r: Response) => {
      if (r.url().endsWith('/v1/decide')) answers.push(r.json());
    });
    await page.goto(env.host.url('/boston/home'));
    await page.getByRole('region', { name: EVERYONE }).waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.getByRole('dialog', { name: AUSTIN_ONLY }).count()).toBe(0);
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of await Promise.all(answers)) {
      expect(answer.messages.map((m) => m.id)).not.toContain(austinOnly);
    }
  });

  it('downloads no UI for a user with nothing to show', async () => {
    const { page } = await env.open();
    const files: string[] = [];
    page.on('request', (r) => {
      files.push(new URL(r.url()).pathname);
    });
    const decided = page.waitForResponse((r: Response) => r.url().endsWith('/v1/decide'));
    await page.goto(env.host.url('/quiet/home'));
    const answer = await (await decided).json();
    expect(answer.messages).toEqual([]);
    expect(answer).not.toHaveProperty('feedUnread');
    // Time for a download the answer could have started.
    await page.waitForTimeout(1000);
    expect(files.filter((f) => f.startsWith('/widget/'))).toEqual([]);
    expect(await page.evaluate(() => document.getElementById('herald-root'))).toBeNull();
    expect(await page.evaluate(() => typeof (window as { Herald?: unknown }).Herald)).toBe('object');
  });
});
