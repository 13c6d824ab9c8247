import { describe, expect, it } from 'vitest';
import type { Role } from '../../server/schema/account.ts';
import type { Release, ReleaseStatus } from '../../server/schema/release.ts';
import { message } from '../test-fixtures.ts';
import { button, buttonNames, byLabel, click, renderAs, settle, type } from '../test-kit.tsx';
import { guardrailPause, release, releaseIn, report } from './release-fixtures.ts';

/** The page of release `r` as `role` sees it; `routes` add to what it loads, or replace it. */
const renderRelease = (r: Release, routes: Parameters<typeof renderAs>[2] = {}, role: Role = 'editor') =>
  renderAs(role, '/releases/rel_1', {
    'GET /api/releases/rel_1': [200, r],
    'GET /api/releases/rel_1/report': [200, report()],
    'GET /api/sites/site_1/messages': [200, { messages: [{ ...message, releaseId: 'rel_1' }] }],
    'GET /api/releases/rel_1/widening': [
      200,
      { known: 240, reachedNow: 12, reachedAfter: 70, newlyReached: 58 },
    ],
    ...routes,
  });

const section = (root: Element, title: string) =>
  root.querySelector(`section[aria-labelledby=${title}-title]`) as HTMLElement;
/** The rollout buttons on the page, not those inside their dialogs. */
const controls = (root: Element) =>
  buttonNames(section(root, 'rollout')).filter(
    (n) => !['Cancel', 'Roll back release', 'Complete release'].includes(n) && !n.endsWith(' now'),
  );

describe('release page', () => {
  it.each<[ReleaseStatus, number, string[]]>([
    ['draft', -1, ['Start “Pilot: Austin”']],
    ['active', 0, ['Advance to “Texas”', 'Pause', 'Roll back', 'Complete']],
    ['active', 2, ['Pause', 'Roll back', 'Complete']],
    ['paused', 1, ['Resume', 'Roll back', 'Complete']],
    ['complete', 2, ['Roll back']],
    ['rolled_back', 1, []],
  ])('offers only the actions that apply to a %s release in phase %i', async (status, phase, names) => {
    const app = await renderRelease(releaseIn(status, phase));
    expect(controls(app.root)).toEqual(names);
  });

  it('shows the status, the current phase and the gate with each check met or not, in words', async () => {
    const app = await renderRelease(releaseIn('active', 0));
    expect(app.root.querySelector('h1')?.textContent).toBe('Reserve ahead');
    const rollout = section(app.root, 'rollout');
    expect(rollout.textContent).toContain('Current phase: “Pilot: Austin” (1 of 3)');
    expect(rollout.querySelector('[aria-current=step]')?.textContent).toContain('Pilot: Austin');
    expect(rollout.textContent).toContain('34/50 responses, 4.3★ ≥ 4.0, 51 h of 72 h');
    const checks = [...rollout.querySelectorAll('[aria-label="Gate checks"] li')].map((li) => li.textContent);
    expect(checks).toEqual([
      '○34/50 responses: not met yet',
      '✓4.3★ ≥ 4.0: met',
      '○51 h of 72 h: not met yet',
    ]);
  });

  it('asks first with the number of users newly reached, then advances and says so in the live region', async () => {
    const app = await renderRelease(releaseIn('active', 0), {
      'POST /api/releases/rel_1/advance': [200, releaseIn('active', 1)],
    });
    await click(button(app.root, 'Advance to “Texas”'));
    const dialog = app.root.querySelector('dialog[open]') as HTMLDialogElement;
    expect(dialog.querySelector('h2')?.textContent).toBe('Advance to “Texas”?');
    expect(dialog.textContent).toContain(
      'This reaches about 58 more of the 240 known users (12 now, 70 after)',
    );
    expect(app.seen.some((r) => r.path === '/api/releases/rel_1/widening')).toBe(true);
    // Nothing is sent until the PM confirms; Cancel would leave the release as it is.
    expect(app.seen.some((r) => r.method === 'POST')).toBe(false);
    await click(button(dialog, 'Advance to “Texas” now'));
    expect(app.seen.some((r) => r.method === 'POST' && r.path === '/api/releases/rel_1/advance')).toBe(true);
    expect(app.root.querySelector('[role=status].live-status')?.textContent).toBe('Advanced to “Texas”.');
    expect(controls(app.root)).toEqual(['Advance to “Everyone”', 'Pause', 'Roll back', 'Complete']);
  });

  it('keeps keyboard focus in the panel when the button pressed goes away', async () => {
    const app = await renderRelease(releaseIn('active', 1), {
      'POST /api/releases/rel_1/pause': [200, releaseIn('paused', 1)],
    });
    const pause = button(app.root, 'Pause');
    pause.focus();
    await click(pause);
    expect(document.activeElement?.textContent).toBe('Resume');
    expect(app.root.querySelector('[role=status].live-status')?.textContent).toMatch(/^Paused/);
  });

  it('takes a Pause pressed while the report is still reloading after an Advance', async () => {
    // The report answers only when the test lets it: the page is between the advance and its new report.
    let answerReport = () => {};
    const slowReport = new Promise<void>((resolve) => {
      answerReport = resolve;
    });
    let slow = false;
    const app = await renderRelease(releaseIn('active', 0), {
      'GET /api/releases/rel_1/report': () =>
        slow ? slowReport.then(() => [200, report()]) : [200, report()],
      'POST /api/releases/rel_1/advance': [200, releaseIn('active', 1)],
      'POST /api/releases/rel_1/pause': [200, releaseIn('paused', 1)],
    });
    slow = true;
    await click(button(app.root, 'Advance to “Texas”'));
    const dialog = app.root.querySelector('dialog[open]') as HTMLDialogElement;
    await click(button(dialog, 'Advance to “Texas” now'));
    await click(button(app.root, 'Pause'));
    expect(app.seen.some((r) => r.method === 'POST' && r.path === '/api/releases/rel_1/pause')).toBe(true);
    answerReport();
    await settle();
    expect(app.root.querySelector('[role=status].live-status')?.textContent).toMatch(/^Paused/);
    expect(controls(app.root)).toContain('Resume');
  });

  it('asks for a reason before rolling back, and sends it', async () => {
    const app = await renderRelease(releaseIn('active', 0), {
      'POST /api/releases/rel_1/rollback': [200, releaseIn('rolled_back', 0)],
    });
    await click(button(app.root, 'Roll back'));
    const dialog = app.root.querySelector('dialog[aria-labelledby=rollback-title]') as HTMLDialogElement;
    expect(dialog.open).toBe(true);
    await type(byLabel(dialog, 'Reason'), 'Riders cannot find the button');
    await click(button(dialog, 'Roll back release'));
    const sent = app.seen.find((r) => r.path === '/api/releases/rel_1/rollback');
    expect(sent?.body).toEqual({ reason: 'Riders cannot find the button' });
    expect(app.root.querySelector('[role=status].live-status')?.textContent).toMatch(/^Rolled back/);
  });

  it('says why an action no longer applies, and catches up', async () => {
    const app = await renderRelease(releaseIn('active', 0), {
      'POST /api/releases/rel_1/pause': [
        409,
        { error: { code: 'invalid_transition', message: 'a paused release cannot pause' } },
      ],
    });
    await click(button(app.root, 'Pause'));
    expect(section(app.root, 'rollout').querySelector('[role=alert]')?.textContent).toBe(
      'Could not pause: a paused release cannot pause',
    );
  });

  it('lists the history in order: when, from → to, by what, and why', async () => {
    const history = guardrailPause;
    const app = await renderRelease(release({ ...releaseIn('paused', 0), history }));
    const items = [...section(app.root, 'history').querySelectorAll('ol.timeline > li')];
    expect(items).toHaveLength(2);
    expect(items[0]?.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-26T10:00:00.000Z');
    expect(items[0]?.textContent).toContain('Draft → Active, phase “Pilot: Austin”');
    expect(items[0]?.textContent).toContain('by hand');
    expect(items[1]?.textContent).toContain('Active → Paused');
    expect(items[1]?.textContent).toContain('by a guardrail');
    expect(items[1]?.textContent).toContain('fell below 3.5');
  });

  it('reports per phase with lift and its warning, and by a trait on request', async () => {
    let byTrait = false;
    const byCity = report({
      by: 'trait:city',
      groups: [{ ...report().groups[0]!, key: 'Austin', label: 'Austin' }],
    });
    const app = await renderRelease(releaseIn('active', 0), {
      'GET /api/releases/rel_1/report': () => [200, byTrait ? byCity : report()],
    });
    const table = () => section(app.root, 'report').querySelector('table') as HTMLTableElement;
    const heads = [...table().querySelectorAll('thead th')].map((th) => th.textContent);
    expect(heads).toContain('Exposed users');
    expect(heads).toContain('Goal, holdout');
    expect(section(app.root, 'report').textContent).toContain('Goal: reservation_made');
    const rows = [...table().querySelectorAll('tbody tr')];
    // Phases not started yet, with nobody in them, are named under the table instead of "too few users" rows.
    expect(rows.map((r) => r.querySelector('th')?.textContent)).toEqual(['Pilot: Austin', 'All']);
    expect(section(app.root, 'report').textContent).toContain('Not started yet: “Texas”, “Everyone”.');
    expect(rows[0]?.textContent).toContain('40');
    expect(rows[0]?.querySelector('td:nth-of-type(8)')?.textContent).toMatch(/^\+20\.0 pp \+5\.0 to \+35\.0/);
    expect(rows[0]?.querySelector('td:nth-of-type(6)')?.textContent).toBe('20% 8 of 40');
    expect(rows[0]?.textContent).toContain('Too few users to tell yet');
    byTrait = true;
    await type(byLabel(app.root, 'Break down by trait'), 'city');
    await click(button(app.root, 'Show report'));
    expect(table().querySelector('caption')?.textContent).toBe('Release report by city');
    expect([...table().querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(['Austin', 'All']);
  });

  it("links the report to the comments of the release's survey", async () => {
    const survey = { ...message, id: 'msg_2', kind: 'survey', name: 'How was it?', releaseId: 'rel_1' };
    const app = await renderRelease(releaseIn('paused', 0), {
      'GET /api/sites/site_1/messages': [200, { messages: [{ ...message, releaseId: 'rel_1' }, survey] }],
    });
    const link = [...section(app.root, 'report').querySelectorAll('a')].find(
      (a) => a.textContent === 'How was it?',
    );
    expect(link?.getAttribute('href')).toBe('/admin/messages/msg_2/results');
    expect(link?.closest('p')?.textContent).toBe('Read the comments: How was it?');
  });

  it('lists the messages that follow the release', async () => {
    const app = await renderRelease(releaseIn('active', 0));
    const links = [...section(app.root, 'following').querySelectorAll('a')].map((a) =>
      a.getAttribute('href'),
    );
    expect(links).toEqual(['/admin/messages/msg_1']);
  });

  it('shows viewers the rollout without any control', async () => {
    const app = await renderRelease(releaseIn('active', 0), {}, 'viewer');
    expect(section(app.root, 'rollout').textContent).toContain('34/50 responses');
    expect(controls(app.root)).toEqual([]);
    expect([...app.root.querySelectorAll('a')].map((a) => a.textContent)).not.toContain('Edit release');
  });
});

describe('releases list', () => {
  it('lists name, key, status and current phase, with "New release" for editors only', async () => {
    const list = {
      releases: [releaseIn('active', 1), release({ id: 'rel_2', name: 'Dark mode', key: 'dark' })],
    };
    const app = await renderAs('editor', '/sites/site_1/releases', {
      'GET /api/sites/site_1/releases': [200, list],
    });
    const rows = [...app.root.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((c) => c.textContent),
    );
    expect(rows).toEqual([
      ['Reserve ahead', 'reserve-ahead', 'Active', '“Texas” (2 of 3)'],
      ['Dark mode', 'dark', 'Draft', 'Not started'],
    ]);
    expect([...app.root.querySelectorAll('main a')].map((a) => a.textContent)).toContain('New release');
    await app.unmount();
    const viewer = await renderAs('viewer', '/sites/site_1/releases', {
      'GET /api/sites/site_1/releases': [200, list],
    });
    expect([...viewer.root.querySelectorAll('main a')].map((a) => a.textContent)).not.toContain(
      'New release',
    );
  });
});
