import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMangleNames } from '../../scripts/build/mangle-props.ts';
import { browserEnv, heraldReady, track } from '../support/browser.ts';
import {
  announcement,
  onEvent,
  poll,
  type publishMessage,
  resultsOf,
  resultsOnce,
  surveyDraft,
  tooltipDraft,
} from '../support/browser-server.ts';
import { globalNames } from '../support/global-names.ts';

const MANGLED = Object.keys(readMangleNames(join(import.meta.dirname, '../../widget/mangle.json')));
const COMMENT = 'Built, mangled and still listening.';

/** Waits for a surface, then for it to go once `close` has run. */
async function closes(surface: Locator, close: (surface: Locator) => Promise<void>): Promise<void> {
  await surface.waitFor({ state: 'visible', timeout: 30_000 });
  await close(surface);
  await surface.waitFor({ state: 'hidden' });
}

/** `Herald.track(event)`, then the dialog it shows, named `name`. */
async function shown(page: Page, event: string, name: string): Promise<Locator> {
  await track(page, event);
  return page.getByRole('dialog', { name });
}

describe('the widget as the server sends it (dist/widget, its internal names mangled)', () => {
  const env = browserEnv({ site: 'Built widget' });
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const publish = async (key: string, draft: Parameters<typeof publishMessage>[2]) => {
      ids[key] = await env.publish(draft);
    };
    await publish(
      'modal',
      announcement(
        { style: 'modal' },
        { title: 'Modal news', body: 'Reserve **ahead**.', cta: { label: 'Try it', url: '/app/try' } },
        { trigger: onEvent('modal'), feed: true },
      ),
    );
    await publish(
      'banner',
      announcement(
        { style: 'banner', position: 'bottom' },
        { title: 'Banner news' },
        { trigger: onEvent('banner') },
      ),
    );
    await publish(
      'slideout',
      announcement({ style: 'slideout' }, { title: 'Slide-out news' }, { trigger: onEvent('slideout') }),
    );
    await publish(
      'card',
      surveyDraft(
        { style: 'slideout' },
        'How was reserving?',
        { scale: 'stars5', followUp: true },
        { name: 'Card survey', trigger: onEvent('card') },
      ),
    );
    await publish(
      'modalSurvey',
      surveyDraft(
        { style: 'modal' },
        'Would you recommend Zipp?',
        { scale: 'nps' },
        { name: 'Modal survey', trigger: onEvent('nps') },
      ),
    );
    await publish(
      'tooltip',
      tooltipDraft('#reserve', { title: 'Tooltip news', body: 'Hold a scooter.' }, '/app/tooltip', {
        name: 'Tooltip',
      }),
    );
    env.page('/app/*', {
      body: '<main><h1>Zipp</h1><button id="reserve" type="button">Reserve</button></main>',
      user: { id: 'u_built' },
    });
  });

  it('shows, answers and closes every surface, and the server counts what the user did', async () => {
    const session = await env.open();
    const { page } = session;
    await page.goto(env.host.url('/app/home'));
    await heraldReady(page);

    const modal = await shown(page, 'modal', 'Modal news');
    await modal.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await modal.locator('strong').textContent()).toBe('ahead');
    await closes(modal, () => page.keyboard.press('Escape'));
    await track(page, 'banner');
    await closes(page.getByRole('region', { name: 'Banner news' }), (s) =>
      s.getByRole('button', { name: 'Dismiss' }).click(),
    );
    await closes(await shown(page, 'slideout', 'Slide-out news'), (s) =>
      s.getByRole('button', { name: 'Close' }).click(),
    );
    await closes(await shown(page, 'card', 'How was reserving?'), async (card) => {
      await card.getByRole('button', { name: '4 out of 5' }).click();
      await card.getByRole('textbox').fill(COMMENT);
      await card.getByRole('button', { name: 'Submit' }).click();
      await card.getByRole('status').filter({ hasText: 'Thank you' }).waitFor();
    });
    const nps = await shown(page, 'nps', 'Would you recommend Zipp?');
    await nps.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await nps.getAttribute('aria-modal')).toBe('true');
    await nps.getByRole('button', { name: '9 out of 10' }).click();
    await nps.getByRole('status').filter({ hasText: 'Thank you' }).waitFor();

    await page.getByRole('button', { name: /^What's new/ }).click();
    await closes(page.getByRole('dialog', { name: "What's new" }), async (panel) => {
      await panel.getByRole('heading', { name: 'Modal news' }).waitFor();
      await panel.getByRole('button', { name: 'Close' }).click();
    });

    await page.goto(env.host.url('/app/tooltip'));
    await closes(page.getByRole('dialog', { name: 'Tooltip news' }), (s) =>
      s.getByRole('button', { name: 'Close' }).click(),
    );

    const counts = async (key: string) => (await resultsOf(env.herald, ids[key] as string)).results;
    for (const key of ['modal', 'banner', 'slideout', 'tooltip']) {
      await poll(`the ${key}'s impression and dismissal`, async () => {
        const r = await counts(key);
        return r.impressions === 1 && r.dismissals === 1 ? r : undefined;
      });
    }
    const card = await resultsOnce(env.herald, ids.card as string, 'responses');
    expect(card.responses).toEqual([expect.objectContaining({ value: 4, text: COMMENT, userId: 'u_built' })]);
    const rated = await poll('the modal survey’s answer', async () => {
      const r = await counts('modalSurvey');
      return r.responses ? r : undefined;
    });
    expect(rated.nps).toMatchObject({ promoters: 1 });
    expect(session.pageErrors).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });

  it('mangles no name that Chromium’s DOM has', async () => {
    const { page } = await env.visit('/app/home');
    const dom = new Set(await page.evaluate(globalNames));
    const clash = MANGLED.filter((name) => dom.has(name));
    expect(MANGLED.length).toBeGreaterThan(0);
    expect(clash).toEqual([]);
  });
});
