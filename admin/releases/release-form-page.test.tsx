import { describe, expect, it } from 'vitest';
import type { ReleaseInput } from '../../server/schema/release.ts';

import { type Answer, button, buttonNames, byLabel, click, renderAs, type Seen, type } from '../test-kit.tsx';
import { exampleInput, release, report } from './release-fixtures.ts';

const created = (req: Seen): Answer => [201, release({ ...(req.body as ReleaseInput), id: 'rel_2' })];
const routes = {
  'POST /api/sites/site_1/releases': created,
  'GET /api/releases/rel_2': [200, release({ id: 'rel_2' })] as Answer,
  'GET /api/releases/rel_2/report': [200, report()] as Answer,
};

const legends = (root: Element) =>
  [...root.querySelectorAll('ol.phases > li > fieldset > legend')].map((l) => l.textContent);
const posted = (seen: Seen[]) =>
  seen.find((r) => r.method === 'POST' && r.path === '/api/sites/site_1/releases')?.body as ReleaseInput;

/** The new-release form, with a server that refuses the release with these field problems. */
const renderRefusing = (fields: Record<string, string>) =>
  renderAs('editor', '/sites/site_1/releases/new', {
    ...routes,
    'POST /api/sites/site_1/releases': [400, { error: { code: 'invalid_release', message: 'bad', fields } }],
  });

describe('release form', () => {
  it('fills three phases from the template with the city typed, and creates the release', async () => {
    const app = await renderAs('editor', '/sites/site_1/releases/new', routes);
    await type(byLabel(app.root, 'Release name'), 'Reserve ahead');
    expect((byLabel(app.root, 'Key') as HTMLInputElement).value).toBe('reserve-ahead');
    await type(byLabel(app.root, 'Pilot city'), 'Austin');
    await type(byLabel(app.root, 'Other cities in the region'), 'Dallas, Houston');
    await click(button(app.root, 'Use template: pilot city → region → everyone'));
    expect(legends(app.root)).toEqual(['Phase 1: Pilot: Austin', 'Phase 2: Region', 'Phase 3: Everyone']);
    expect(app.root.querySelector('.live-status')?.textContent).toMatch(/three phases/);
    await type(byLabel(app.root, 'Phase 2 name'), 'Texas');
    await click(button(app.root, 'Create release'));
    expect(posted(app.seen)).toEqual({
      key: 'reserve-ahead',
      name: 'Reserve ahead',
      phases: exampleInput.phases,
      holdoutPercent: 0,
      goal: null,
      guardrails: null,
      autoAdvance: null,
    });
    expect(location.pathname).toBe('/admin/releases/rel_2');
  });

  it('asks for the city before using the template', async () => {
    const app = await renderAs('editor', '/sites/site_1/releases/new', routes);
    await click(button(app.root, 'Use template: pilot city → region → everyone'));
    expect(byLabel(app.root, 'Pilot city').getAttribute('aria-invalid')).toBe('true');
    expect(legends(app.root)).toEqual(['Phase 1: Everyone']);
  });

  it('adds, reorders and removes phases, and sends them in their order with their audiences', async () => {
    const app = await renderAs('editor', '/sites/site_1/releases/new', routes);
    await type(byLabel(app.root, 'Release name'), 'Dark mode');
    await click(button(app.root, 'Add phase'));
    expect(document.activeElement).toBe(byLabel(app.root, 'Phase 2 name'));
    await type(byLabel(app.root, 'Phase 2 name'), 'Beta testers');
    await type(byLabel(app.root, 'Phase 2 percent'), '25');
    const phase2 = app.root.querySelector('ol.phases > li:nth-child(2)') as HTMLElement;
    await click(button(phase2, 'Add condition'));
    await type(byLabel(phase2, 'Trait 1'), 'beta');
    await type(byLabel(phase2, 'Value 1'), 'yes');
    await click(button(app.root, 'Move phase 2 up'));
    expect(legends(app.root)).toEqual(['Phase 1: Beta testers', 'Phase 2: Everyone']);
    expect(document.activeElement?.textContent).toBe('Move phase 1 down');
    await click(button(app.root, 'Add phase'));
    await type(byLabel(app.root, 'Phase 3 name'), 'Oops');
    await click(button(app.root, 'Remove phase 3'));
    expect(app.root.querySelector('.live-status')?.textContent).toBe('Removed “Oops”.');
    await click(button(app.root, 'Create release'));
    expect(posted(app.seen).phases).toEqual([
      { name: 'Beta testers', audience: { beta: 'yes' }, percent: 25 },
      { name: 'Everyone', audience: {}, percent: 100 },
    ]);
    expect(posted(app.seen).key).toBe('dark-mode');
  });

  it('sends the holdout, goal, guardrails and auto-advance as the API takes them', async () => {
    const app = await renderAs('editor', '/sites/site_1/releases/new', routes);
    await type(byLabel(app.root, 'Release name'), 'Reserve ahead');
    await type(byLabel(app.root, 'Holdout (%)'), '5');
    await type(byLabel(app.root, 'Goal event'), 'reservation_made');
    await click(byLabel(app.root, 'Pause the release by itself when feedback turns bad'));
    await type(byLabel(app.root, 'Pause above this dismiss rate (%)'), '45');
    await click(byLabel(app.root, 'Advance to the next phase by itself when the gate is met'));
    await click(button(app.root, 'Create release'));
    expect(posted(app.seen)).toMatchObject({
      holdoutPercent: 5,
      goal: { event: 'reservation_made' },
      guardrails: { minResponses: 20, minAverageRating: 3.5, maxDismissRate: 0.45 },
      autoAdvance: { afterHours: 72, minResponses: 50, minAverageRating: 4 },
    });
  });

  it('shows the problems of a 400 beside the phase fields they name', async () => {
    const fields = {
      'phases.0.percent': 'Too big: expected number to be <=100',
      'phases.1.audience': 'city.$in: must be an array',
      holdoutPercent: 'Too big: expected number to be <=50',
    };
    const app = await renderRefusing(fields);
    await type(byLabel(app.root, 'Pilot city'), 'Austin');
    await click(button(app.root, 'Use template: pilot city → region → everyone'));
    await click(button(app.root, 'Create release'));
    const describedBy = (el: Element | null) =>
      (el?.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent);

    const percent = byLabel(app.root, 'Phase 1 percent');
    expect(percent.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(percent)).toContain('Too big: expected number to be <=100');
    const audience = app.root.querySelector('fieldset#f-phases-1-audience');
    expect(audience?.querySelector('legend')?.textContent).toBe('Phase 2 audience');
    expect(describedBy(audience)).toContain('city.$in: must be an array');
    expect(describedBy(byLabel(app.root, 'Holdout (%)'))).toContain('Too big: expected number to be <=50');
    expect(byLabel(app.root, 'Phase 2 percent').getAttribute('aria-invalid')).toBeNull();
    expect(app.root.querySelector('.error-summary[role=alert]')?.textContent).toMatch(/3 problems/);
  });

  it("shows the server's problem with the goal event beside the goal event", async () => {
    const fields = { 'goal.event': 'Too long', 'guardrails.maxDismissRate': 'Too big' };
    const app = await renderRefusing(fields);
    await type(byLabel(app.root, 'Release name'), 'Reserve ahead');
    await click(byLabel(app.root, 'Pause the release by itself when feedback turns bad'));
    await click(button(app.root, 'Create release'));
    const goal = byLabel(app.root, 'Goal event');
    expect(goal.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(`${goal.id}-error`)?.textContent).toBe('Too long');
    const rate = byLabel(app.root, 'Pause above this dismiss rate (%)');
    expect(document.getElementById(`${rate.id}-error`)?.textContent).toBe('Too big');
  });

  it('says to enter a number in an emptied phase percent, and sends nothing', async () => {
    const app = await renderAs('editor', '/sites/site_1/releases/new', routes);
    await type(byLabel(app.root, 'Release name'), 'Reserve ahead');
    const percent = byLabel(app.root, 'Phase 1 percent');
    await type(percent, '');
    await click(button(app.root, 'Create release'));
    expect(posted(app.seen)).toBeUndefined();
    expect(percent.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(`${percent.id}-error`)?.textContent).toBe('Enter a number.');
    await type(percent, '30');
    await click(button(app.root, 'Create release'));
    expect(posted(app.seen).phases[0]?.percent).toBe(30);
  });

  it('shows a taken key beside the key', async () => {
    const app = await renderAs('editor', '/sites/site_1/releases/new', {
      ...routes,
      'POST /api/sites/site_1/releases': [
        409,
        { error: { code: 'duplicate_key', message: 'a release with key reserve-ahead exists' } },
      ],
    });
    await type(byLabel(app.root, 'Release name'), 'Reserve ahead');
    await click(button(app.root, 'Create release'));
    expect(byLabel(app.root, 'Key').getAttribute('aria-invalid')).toBe('true');
  });

  it('edits a release with its key fixed, and saves it with PATCH', async () => {
    const app = await renderAs('editor', '/releases/rel_1/edit', {
      ...routes,
      'GET /api/releases/rel_1': [200, release()],
      'PATCH /api/releases/rel_1': (req) => [200, release(req.body as ReleaseInput)],
      'GET /api/releases/rel_1/report': [200, report()],
    });
    expect(app.root.querySelector('h1')?.textContent).toBe('Edit Reserve ahead');
    expect((byLabel(app.root, 'Key') as HTMLInputElement).disabled).toBe(true);
    expect(legends(app.root)).toEqual(['Phase 1: Pilot: Austin', 'Phase 2: Texas', 'Phase 3: Everyone']);
    expect((byLabel(app.root, 'Pause above this dismiss rate (%)') as HTMLInputElement).value).toBe('60');
    await type(byLabel(app.root, 'Phase 1 percent'), '20');
    await click(button(app.root, 'Save release'));
    const patch = app.seen.find((r) => r.method === 'PATCH')?.body as ReleaseInput;
    expect(patch.phases[0]).toEqual({ name: 'Pilot: Austin', audience: { city: 'Austin' }, percent: 20 });
    expect(patch.guardrails).toEqual(release().guardrails);
  });

  it('shows viewers the release without a way to change it', async () => {
    const app = await renderAs('viewer', '/releases/rel_1/edit', {
      ...routes,
      'GET /api/releases/rel_1': [200, release()],
    });
    expect(buttonNames(app.root)).not.toContain('Save release');
    expect(app.root.querySelector<HTMLFieldSetElement>('form fieldset.plain')?.disabled).toBe(true);
  });
});
