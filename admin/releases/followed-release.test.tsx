import { describe, expect, it } from 'vitest';
import { baseRoutes, message } from '../test-fixtures.ts';
import { type Answer, byLabel, renderAdmin, sessionAs } from '../test-kit.tsx';
import { releaseIn } from './release-fixtures.ts';

const routes = {
  ...baseRoutes,
  'GET /api/session': sessionAs('editor'),
  'GET /api/sites/site_1/releases': [200, { releases: [releaseIn('paused', 1)] }] as Answer,
  'GET /api/sites/site_1/messages': [
    200,
    {
      messages: [
        { ...message, releaseId: 'rel_1' },
        { ...message, id: 'msg_2', name: 'Winter rates' },
      ],
    },
  ] as Answer,
  'GET /api/messages/msg_1': [200, { ...message, releaseId: 'rel_1' }] as Answer,
};

describe('messages that follow a release', () => {
  it('show the release and its status in the message list', async () => {
    const app = await renderAdmin('/sites/site_1/messages', routes);
    const heads = [...app.root.querySelectorAll('thead th')].map((th) => th.textContent);
    const column = heads.indexOf('Release');
    expect(column).toBeGreaterThan(0);
    const cells = [...app.root.querySelectorAll('tbody tr')].map((tr) => tr.children[column]);
    expect(cells.map((c) => c?.textContent)).toEqual(['Reserve ahead Paused', 'None']);
    expect(cells[0]?.querySelector('a')?.getAttribute('href')).toBe('/admin/releases/rel_1');
  });

  it('show the release’s status and phase beside the editor’s Release select', async () => {
    const app = await renderAdmin('/messages/msg_1', routes);
    expect((byLabel(app.root, 'Release') as HTMLSelectElement).value).toBe('rel_1');
    const now = app.root.querySelector('.release-now');
    expect(now?.textContent).toBe('Now: Reserve ahead Paused · “Texas” (2 of 3)');
    expect(now?.querySelector('a')?.getAttribute('href')).toBe('/admin/releases/rel_1');
  });
});
