import { describe, expect, it } from 'vitest';
import { message } from '../test-fixtures.ts';
import { button, byLabel, choose, click, renderAs, type } from '../test-kit.tsx';

const errorOf = (el: HTMLElement) => document.getElementById(`${el.id}-error`)?.textContent;

/** The editor of a saved message, with a server that takes every save. */
async function renderSaving() {
  const app = await renderAs('editor', '/messages/msg_1', {
    'PATCH /api/messages/msg_1': (req) => [200, { ...message, ...(req.body as object) }],
  });
  return app;
}

describe('message editor fields', () => {
  it('says the releases could not be listed, rather than that the message follows none', async () => {
    const app = await renderAs('editor', '/messages/msg_1', {
      'GET /api/messages/msg_1': [200, { ...message, releaseId: 'rel_1' }],
      'GET /api/sites/site_1/releases': [503, { error: { code: 'unavailable', message: 'store is down' } }],
    });
    const select = byLabel(app.root, 'Release') as HTMLSelectElement;
    expect(errorOf(select)).toBe("Could not list the site's releases: store is down");
    expect(select.value).toBe('rel_1');
    expect(select.selectedOptions[0]?.textContent).not.toBe('None');
  });

  it('says to enter a number when the times box is emptied, sends nothing, and sends once filled', async () => {
    const app = await renderSaving();
    await choose(byLabel(app.root, 'Frequency'), 'times');
    const times = byLabel(app.root, 'Times at most');
    await type(times, '');
    await click(button(app.root, 'Save'));
    expect(app.seen.some((r) => r.method === 'PATCH')).toBe(false);
    expect(errorOf(times)).toBe('Enter a number.');
    await type(times, '2');
    await click(button(app.root, 'Save'));
    const patch = app.seen.find((r) => r.method === 'PATCH')?.body as { frequency: unknown };
    expect(patch.frequency).toEqual({ mode: 'times', times: 2, everyDays: 7 });
  });

  it('sends an emptied optional number box as left out, for the server default', async () => {
    const app = await renderSaving();
    await type(byLabel(app.root, 'Priority'), '');
    await click(button(app.root, 'Save'));
    const patch = app.seen.find((r) => r.method === 'PATCH')?.body as Record<string, unknown>;
    expect(patch).toBeDefined();
    expect('priority' in patch).toBe(false);
  });

  it('keeps the Enter that starts the next page pattern, and saves the patterns trimmed', async () => {
    const app = await renderSaving();
    const pages = byLabel(app.root, 'Show on pages') as HTMLTextAreaElement;
    await type(pages, '/app/*\n');
    expect(pages.value).toBe('/app/*\n');
    await type(pages, '/app/*\n  /billing \n\n');
    await click(button(app.root, 'Save'));
    const patch = app.seen.find((r) => r.method === 'PATCH')?.body as { pages: unknown };
    expect(patch.pages).toEqual({ include: ['/app/*', '/billing'], exclude: [] });
  });

  it('sends the version it loaded, and says what to do when someone else saved first', async () => {
    const app = await renderAs('editor', '/messages/msg_1', {
      'GET /api/messages/msg_1': [200, { ...message, version: 4 }],
      'PATCH /api/messages/msg_1': [
        409,
        { error: { code: 'message_changed', message: 'the message was changed since it was loaded' } },
      ],
    });
    await type(byLabel(app.root, 'Message name'), 'Renamed here');
    await click(button(app.root, 'Save'));
    expect(app.seen.find((r) => r.method === 'PATCH')?.body).toMatchObject({
      name: 'Renamed here',
      version: 4,
    });
    expect(app.root.textContent).toContain('Someone else changed this message since you opened it.');
    // The edits are kept for the author to copy.
    expect((byLabel(app.root, 'Message name') as HTMLInputElement).value).toBe('Renamed here');
  });
});
