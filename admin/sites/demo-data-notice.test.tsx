import { describe, expect, it } from 'vitest';
import type { Role } from '../../server/schema/account.ts';
import { releaseIn, report } from '../releases/release-fixtures.ts';
import { baseRoutes, message } from '../test-fixtures.ts';
import { type Answer, button, buttonNames, click, renderAdmin, sessionAs } from '../test-kit.tsx';

const DEMO = 'GET /api/sites/site_1/demo-data';
const routesFor = (role: Role, demo: { users: number; events: number }) => {
  let data = demo;
  return {
    ...baseRoutes,
    'GET /api/session': sessionAs(role),
    'GET /api/releases/rel_1': [200, releaseIn('active', 0)] as Answer,
    'GET /api/releases/rel_1/report': [200, report()] as Answer,
    'GET /api/sites/site_1/messages': [200, { messages: [{ ...message, releaseId: 'rel_1' }] }] as Answer,
    [DEMO]: () => [200, data] as Answer,
    'DELETE /api/sites/site_1/demo-data': () => {
      const removed = data;
      data = { users: 0, events: 0 };
      return [200, { removed }] as Answer;
    },
  };
};
const notice = (root: Element) => root.querySelector('section[aria-labelledby=demo-data-title]');

describe('demo data on the release page', () => {
  it('says the numbers include simulated users, and an admin removes them with one click', async () => {
    const app = await renderAdmin('/releases/rel_1', routesFor('admin', { users: 600, events: 2252 }));
    expect(notice(app.root)?.textContent).toContain(
      'simulated pilot traffic (600 made-up users, 2,252 events)',
    );
    const reports = () => app.seen.filter((r) => r.path === '/api/releases/rel_1/report').length;
    const before = reports();
    await click(button(app.root, 'Remove demo data'));
    expect(app.seen.some((r) => r.method === 'DELETE' && r.path === '/api/sites/site_1/demo-data')).toBe(
      true,
    );
    expect(notice(app.root)).toBeNull();
    // The report is asked for again, now without the demo users.
    expect(reports()).toBeGreaterThan(before);
  });

  it('shows an editor the label but not the button (removal is for admins)', async () => {
    const app = await renderAdmin('/releases/rel_1', routesFor('editor', { users: 600, events: 2252 }));
    expect(notice(app.root)?.textContent).toContain('An admin can remove it.');
    expect(buttonNames(notice(app.root) as HTMLElement)).toEqual([]);
  });

  it('shows nothing on a site without demo data', async () => {
    const app = await renderAdmin('/releases/rel_1', routesFor('admin', { users: 0, events: 0 }));
    expect(app.seen.some((r) => r.path === '/api/sites/site_1/demo-data')).toBe(true);
    expect(notice(app.root)).toBeNull();
  });

  it.each([
    ['labels the results of a release’s message', 'rel_1', true],
    ['leaves a message outside the release alone (the simulation never reaches it)', null, false],
  ])('%s', async (_name, releaseId, shown) => {
    const app = await renderAdmin('/messages/msg_1/results', {
      ...routesFor('admin', { users: 600, events: 2252 }),
      'GET /api/messages/msg_1': [200, { ...message, releaseId }] as Answer,
    });
    expect(notice(app.root) !== null).toBe(shown);
  });
});
