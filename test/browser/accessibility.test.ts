import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserEnv, heraldReady, settled, type TestWindow, track } from '../support/browser.ts';
import {
  announcement,
  inAustin,
  type MessageDraft,
  onEvent,
  surveyDraft,
  tooltipDraft,
} from '../support/browser-server.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const MESSAGES: MessageDraft[] = [
  announcement(
    { style: 'modal' },
    {
      title: 'Reserve a scooter ahead',
      body: 'Reserve up to **30 minutes** ahead. [How it works](https://example.com/reserve)\n\n- Pick it\n- Ride it',
      cta: { label: 'Try it', url: '/app/reserve' },
    },
    { name: 'Modal', trigger: onEvent('modal'), feed: true },
  ),
  surveyDraft(
    { style: 'slideout' },
    'How was reserving ahead?',
    { scale: 'stars5', followUp: true },
    { name: 'Stars', trigger: onEvent('stars') },
  ),
  surveyDraft(
    { style: 'slideout' },
    'Would you recommend Zipp?',
    { scale: 'nps' },
    { name: 'NPS', trigger: onEvent('nps') },
  ),
  announcement(
    { style: 'slideout' },
    { title: 'Export your ride history', body: 'From **Rides → Export**.' },
    { name: 'Slide-out', trigger: onEvent('slideout'), feed: true },
  ),
  announcement(
    { style: 'banner', position: 'top' },
    { title: 'Winter rates: 20% off night rides.' },
    { name: 'Banner', trigger: onEvent('banner') },
  ),
  tooltipDraft(
    '#reserve',
    { title: 'New: reserve ahead', body: 'Hold a scooter for 30 minutes.' },
    '/app/tooltip',
    { name: 'Tooltip' },
  ),
];

type Row = { surface: string; path?: string; show(page: Page): Promise<Locator> };

/** Shows a surface with `Herald.track(event)`; `find` locates it. */
const byEvent = (event: string, find: (page: Page) => Locator) => async (page: Page) => {
  await track(page, event);
  return find(page);
};

const ROWS: Row[] = [
  {
    surface: 'modal',
    show: byEvent('modal', (page) => page.getByRole('dialog', { name: 'Reserve a scooter ahead' })),
  },
  {
    surface: 'stars survey with its follow-up',
    async show(page) {
      await track(page, 'stars');
      const card = page.getByRole('dialog', { name: 'How was reserving ahead?' });
      await card.getByRole('button', { name: '3 out of 5' }).click();
      await card.getByRole('textbox').waitFor();
      return card;
    },
  },
  {
    surface: 'survey thank-you',
    async show(page) {
      await track(page, 'stars');
      const card = page.getByRole('dialog', { name: 'How was reserving ahead?' });
      await card.getByRole('button', { name: '5 out of 5' }).click();
      await card.getByRole('button', { name: 'Submit' }).click();
      await card.getByRole('status').filter({ hasText: 'Thank you' }).waitFor();
      return card;
    },
  },
  {
    surface: 'NPS survey',
    show: byEvent('nps', (page) => page.getByRole('dialog', { name: 'Would you recommend Zipp?' })),
  },
  {
    surface: 'slide-out',
    show: byEvent('slideout', (page) => page.getByRole('dialog', { name: 'Export your ride history' })),
  },
  {
    surface: 'banner',
    show: byEvent('banner', (page) => page.getByRole('region', { name: /Winter rates/ })),
  },
  {
    surface: 'tooltip',
    path: '/app/tooltip',
    show: async (page) => page.getByRole('dialog', { name: 'New: reserve ahead' }),
  },
  {
    surface: 'feed panel',
    async show(page) {
      await heraldReady(page);
      await page.evaluate(() => (window as unknown as TestWindow).Herald.openFeed());
      const panel = page.getByRole('dialog', { name: "What's new" });
      await panel.getByRole('heading', { name: 'Export your ride history' }).waitFor();
      return panel;
    },
  },
];

type Violation = { id: string; impact: string | null; help: string; nodes: string[] };

/**
 * Runs axe-core on the widget's root (axe walks open shadow roots) and returns every violation, and how
 * many elements inside the shadow root its passing checks looked at (proof that it saw the surface).
 */
async function axeWidget(page: Page): Promise<{ violations: Violation[]; checkedInside: number }> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    type Axe = {
      run(context: Element, options: object): Promise<{ violations: any[]; passes: any[] }>;
    };
    const axe = (window as unknown as { axe: Axe }).axe;
    const root = document.getElementById('herald-root') as Element;
    const { violations, passes } = await axe.run(root, { resultTypes: ['violations'] });
    // A node inside a shadow root has a target like [["#herald-root", ".modal > h2"]].
    const inside = passes.flatMap((p) => p.nodes).filter((n: any) => Array.isArray(n.target[0]));
    return {
      checkedInside: inside.length,
      violations: violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n: any) => `${JSON.stringify(n.target)}: ${n.failureSummary}`),
      })),
    };
  });
}

describe('axe-core on every surface', () => {
  const env = browserEnv({ site: 'Accessibility' });

  beforeAll(async () => {
    for (const m of MESSAGES) await env.publish(m);
    // No CSP here: axe is injected as an inline script.
    env.page('/app/*', {
      title: 'Zipp',
      csp: false,
      body: '<main><h1>Zipp</h1><p><button id="reserve" type="button">Reserve a scooter</button></p></main>',
      user: inAustin('u_axe'),
    });
  });

  it.each(ROWS)('reports no serious or critical violation in the $surface', async ({ path, show }) => {
    const { page } = await env.visit(path ?? '/app/home', { reducedMotion: 'reduce' });
    const surface = await show(page);
    await surface.waitFor({ state: 'visible', timeout: 30_000 });
    await settled(page);
    const { violations, checkedInside } = await axeWidget(page);
    expect(checkedInside).toBeGreaterThan(0);
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  });
});
