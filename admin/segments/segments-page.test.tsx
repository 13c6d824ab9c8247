import { describe, expect, it } from 'vitest';
import type { SegmentListed } from '../../server/schema/segment.ts';

import { button, byLabel, choose, click, renderAs, type } from '../test-kit.tsx';

const at = '2026-12-01T10:00:00.000Z';
const texas: SegmentListed = {
  id: 'seg_tx',
  siteId: 'site_1',
  name: 'Texas',
  description: '',
  condition: { city: { $in: ['Austin', 'Dallas'] } },
  createdAt: at,
  updatedAt: at,
  usedBy: [{ kind: 'release', id: 'rel_1', name: 'Offline mode', phase: 'Texas' }],
};
const beta: SegmentListed = {
  ...texas,
  id: 'seg_beta',
  name: 'Beta testers',
  condition: { beta: true },
  usedBy: [],
};

/** The status line the page announces (its live region). */
const status = (root: ParentNode) => root.querySelector('[role="status"]:not(.estimate)')?.textContent ?? '';

describe('segments page', () => {
  it('lists segments with what uses them, and creates one from rows', async () => {
    let list: SegmentListed[] = [texas];
    const app = await renderAs('editor', '/sites/site_1/segments', {
      'GET /api/sites/site_1/segments': () => [200, { segments: list }],
      'POST /api/sites/site_1/segments': (req) => {
        const made = { ...beta, id: 'seg_new', ...(req.body as object), usedBy: [] };
        list = [...list, made];
        return [201, made];
      },
    });
    expect(app.root.querySelector('h1')?.textContent).toBe('Segments');
    const row = app.root.querySelector('tbody tr');
    expect(row?.textContent).toContain('Texas');
    expect(row?.textContent).toContain('release “Offline mode” (phase “Texas”)');
    expect(app.root.querySelector('a[aria-current="page"]')?.textContent).toBe('Segments');

    await type(byLabel(app.root, 'Name'), ' California ');
    await click(button(app.root, 'Add condition'));
    await type(byLabel(app.root, 'Trait 1'), 'state');
    await type(byLabel(app.root, 'Value 1'), 'CA');
    // A segment's own audience offers no segments: a segment cannot include another.
    expect(() => button(app.root, 'Add segment')).toThrow(/0 buttons/);
    await click(button(app.root, 'Create segment'));
    expect(app.seen.find((r) => r.method === 'POST')?.body).toEqual({
      name: 'California',
      description: '',
      condition: { state: 'CA' },
    });
    expect(status(app.root)).toBe('Segment “California” created.');
    expect(app.root.querySelectorAll('tbody tr')).toHaveLength(2);
    expect((byLabel(app.root, 'Name') as HTMLInputElement).value).toBe('');
  });

  it('edits a segment in use and says who follows the change', async () => {
    const app = await renderAs('editor', '/sites/site_1/segments', {
      'GET /api/sites/site_1/segments': [200, { segments: [texas] }],
      'PATCH /api/sites/site_1/segments/seg_tx': (req) => [200, { ...texas, ...(req.body as object) }],
    });
    await click(button(app.root, 'Edit Texas'));
    expect(app.root.querySelector('#segment-form-title')?.textContent).toBe('Edit segment “Texas”');
    expect((byLabel(app.root, 'Value 1') as HTMLInputElement).value).toBe('Austin, Dallas');
    await type(byLabel(app.root, 'Value 1'), 'Austin, Dallas, Houston');
    await click(button(app.root, 'Save segment'));
    expect(app.seen.find((r) => r.method === 'PATCH')?.body).toEqual({
      name: 'Texas',
      description: '',
      condition: { city: { $in: ['Austin', 'Dallas', 'Houston'] } },
    });
    expect(status(app.root)).toBe(
      'Segment “Texas” saved; release “Offline mode” (phase “Texas”) follow it at once.',
    );
  });

  it('says what still uses a segment it cannot delete, and deletes one unused', async () => {
    const app = await renderAs('editor', '/sites/site_1/segments', {
      'GET /api/sites/site_1/segments': [200, { segments: [texas, beta] }],
      'DELETE /api/sites/site_1/segments/seg_tx': [
        409,
        {
          error: {
            code: 'segment_in_use',
            message: 'segment “Texas” is used by release “Offline mode” (phase “Texas”)',
          },
        },
      ],
      'DELETE /api/sites/site_1/segments/seg_beta': [204, null],
    });
    /** The confirmation dialog that is open now. */
    const dialog = () => {
      const open = [...app.root.querySelectorAll('dialog[open]')];
      expect(open).toHaveLength(1);
      return open[0] as Element;
    };
    await click(button(app.root, 'Delete Texas'));
    expect(dialog().textContent).toContain(
      'cannot be deleted while release “Offline mode” (phase “Texas”) use it',
    );
    await click(button(dialog(), 'Delete segment'));
    expect(status(app.root)).toBe(
      'Not deleted: segment “Texas” is used by release “Offline mode” (phase “Texas”)',
    );
    await click(button(app.root, 'Delete Beta testers'));
    await click(button(dialog(), 'Delete segment'));
    expect(app.seen.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([
      '/api/sites/site_1/segments/seg_tx',
      '/api/sites/site_1/segments/seg_beta',
    ]);
    expect(status(app.root)).toBe('Segment “Beta testers” deleted.');
  });

  it('is read-only for viewers', async () => {
    const app = await renderAs('viewer', '/sites/site_1/segments', {
      'GET /api/sites/site_1/segments': [200, { segments: [texas] }],
    });
    expect(app.root.querySelector('tbody tr')?.textContent).toContain('Texas');
    expect(app.root.querySelector('form')).toBeNull();
  });
});

describe('segment picker in an audience', () => {
  it('offers the site’s segments by name in a message’s audience', async () => {
    const app = await renderAs('editor', '/sites/site_1/messages/new', {
      'GET /api/sites/site_1/segments': [200, { segments: [texas, beta] }],
    });
    await click(button(app.root, 'Add segment'));
    const picker = byLabel(app.root, 'Segment 1') as HTMLSelectElement;
    expect([...picker.options].map((o) => o.text)).toEqual(['Texas', 'Beta testers']);
    await choose(picker, 'seg_beta');
    await click(button(app.root, 'JSON'));
    expect(JSON.parse((byLabel(app.root, 'Audience as JSON') as HTMLTextAreaElement).value)).toEqual({
      $segment: 'seg_beta',
    });
  });
});
