import { describe, expect, it } from 'vitest';
import type { Results } from '../../server/schema/results.ts';
import { baseRoutes, message } from '../test-fixtures.ts';
import { button, byLabel, click, renderAdmin, sessionAs, type } from '../test-kit.tsx';

const summary = (over: Partial<Results> = {}): Results => ({
  messageId: 'msg_1',
  by: null,
  impressions: 120,
  viewers: 100,
  clicks: 30,
  dismissals: 20,
  responses: 10,
  clickers: 30,
  dismissers: 20,
  clickRate: 0.3,
  dismissRate: 0.2,
  responseRate: 0.1,
  rating: { average: 4.2, count: 10, distribution: { '3': 2, '4': 4, '5': 4 } },
  nps: null,
  ...over,
});

const survey = {
  ...message,
  kind: 'survey' as const,
  display: { style: 'slideout' as const },
  survey: { scale: 'stars5' as const, followUp: true },
};

const routes = {
  ...baseRoutes,
  'GET /api/session': sessionAs('viewer'),
  'GET /api/messages/msg_1': [200, survey] as [number, unknown],
  'GET /api/messages/msg_1/results': [200, summary()] as [number, unknown],
  'GET /api/messages/msg_1/timeseries': [200, { bucket: 'day', points: [] }] as [number, unknown],
  'GET /api/messages/msg_1/responses': [
    200,
    {
      responses: [
        {
          id: 'r1',
          messageId: 'msg_1',
          userId: 'u_42',
          anonymousId: null,
          value: 5,
          text: 'Love it',
          at: '2026-11-26T10:00:00.000Z',
          traits: {},
        },
      ],
    },
  ] as [number, unknown],
};

describe('results page', () => {
  it('shows the funnel, the ratings and the responses, with a CSV link', async () => {
    const app = await renderAdmin('/messages/msg_1/results', routes);
    expect(app.root.querySelector('h1')?.textContent).toBe('Results: Reserve ahead');
    const funnel = app.root.querySelector('[aria-labelledby=funnel-title]')?.textContent ?? '';
    expect(funnel).toContain('Impressions120');
    expect(funnel).toContain('30% of viewers');
    expect(app.root.querySelector('[aria-labelledby=rating-title]')?.textContent).toContain('4.2');
    expect(app.root.querySelector('[aria-labelledby=responses-title] tbody')?.textContent).toContain(
      'Love it',
    );
    const csv = [...app.root.querySelectorAll('a')].find((a) => a.textContent === 'Export CSV');
    expect(csv?.getAttribute('href')).toBe('/api/messages/msg_1/responses?format=csv&limit=10000');
  });

  it('breaks the results down by a trait typed by name', async () => {
    const app = await renderAdmin('/messages/msg_1/results', {
      ...routes,
      'GET /api/messages/msg_1/results': () => [
        200,
        summary({
          by: 'trait:city',
          groups: [
            { key: 'Austin', ...summary() },
            { key: null, ...summary({ viewers: 3 }) },
          ],
        }),
      ],
    });
    await type(byLabel(app.root, 'Break down by trait'), 'city');
    await click(button(app.root, 'Show breakdown'));
    const rows = [...app.root.querySelectorAll('[aria-labelledby=breakdown-title] tbody th')].map(
      (th) => th.textContent,
    );
    expect(rows).toEqual(['Austin', 'not set']);
  });

  it('searches the responses', async () => {
    const app = await renderAdmin('/messages/msg_1/results', routes);
    await type(byLabel(app.root, 'Search responses'), 'love');
    await click(button(app.root, 'Search'));
    const csv = [...app.root.querySelectorAll('a')].find((a) => a.textContent === 'Export CSV');
    expect(csv?.getAttribute('href')).toContain('q=love');
  });
});
