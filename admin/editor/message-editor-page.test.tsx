import { describe, expect, it } from 'vitest';
import { release } from '../releases/release-fixtures.ts';
import { message } from '../test-fixtures.ts';
import {
  type Answer,
  button,
  buttonNames,
  byLabel,
  choose,
  click,
  type Handler,
  renderAs,
  type,
} from '../test-kit.tsx';

const invalid = {
  error: {
    code: 'invalid_message',
    message: 'invalid message: content.en.title: Too small',
    fields: {
      'content.en.title': 'Too small: expected string to have >=1 characters',
      audience: 'city.$in: must be an array',
    },
  },
};

/** The new-message editor, with a server that answers a create with `created` (by default: as msg_2). */
function renderNew(
  created: Answer | Handler = (req) => [201, { ...message, ...(req.body as object), id: 'msg_2' }],
) {
  return renderAs('editor', '/sites/site_1/messages/new', {
    'POST /api/sites/site_1/messages': created,
    'GET /api/messages/msg_2': [200, { ...message, id: 'msg_2' }],
  });
}

describe('message editor', () => {
  it('shows each problem of a 400 beside its field, marked invalid', async () => {
    const app = await renderNew([400, invalid]);
    await type(byLabel(app.root, 'Message name'), 'Launch');
    await click(button(app.root, 'Save'));

    const title = byLabel(app.root, 'Title');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    const described = title.getAttribute('aria-describedby')?.split(' ') ?? [];
    const texts = described.map((id) => document.getElementById(id)?.textContent);
    expect(texts).toContain('Too small: expected string to have >=1 characters');

    const audience = app.root.querySelector<HTMLFieldSetElement>('fieldset#f-audience');
    const audienceError = audience
      ?.getAttribute('aria-describedby')
      ?.split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(audienceError).toContain('city.$in: must be an array');

    expect(byLabel(app.root, 'Message name').getAttribute('aria-invalid')).toBeNull();
    expect(app.root.querySelector('.error-summary[role=alert]')?.textContent).toMatch(/2 problems/);
    expect(app.root.querySelector('[role=status].live-status')?.textContent).toMatch(/Not saved/);
  });

  it('composes the audience city = Austin from a row and saves it as a draft', async () => {
    const app = await renderNew();
    await type(byLabel(app.root, 'Message name'), 'Reserve ahead');
    await type(byLabel(app.root, 'Title'), 'Reserve a scooter ahead');
    await click(button(app.root, 'Add condition'));
    await type(byLabel(app.root, 'Trait 1'), 'city');
    await choose(byLabel(app.root, 'Operator 1'), 'is');
    await type(byLabel(app.root, 'Value 1'), 'Austin');
    await click(button(app.root, 'Save'));
    const post = app.seen.find((r) => r.method === 'POST' && r.path === '/api/sites/site_1/messages');
    expect(post?.body).toMatchObject({
      name: 'Reserve ahead',
      kind: 'announcement',
      content: { en: { title: 'Reserve a scooter ahead', body: '' } },
      audience: { city: 'Austin' },
    });
    expect(location.pathname).toBe('/admin/messages/msg_2');
  });

  it('saves a message marked exempt from the attention budget', async () => {
    const app = await renderNew();
    await type(byLabel(app.root, 'Message name'), 'Rate offline mode');
    await type(byLabel(app.root, 'Title'), 'How was offline mode?');
    const exempt = byLabel(
      app.root,
      "Exempt from the attention budget (shows even when the site's gap between interruptions is spent)",
    ) as HTMLInputElement;
    expect(exempt.checked).toBe(false);
    await click(exempt);
    await click(button(app.root, 'Save'));
    const post = app.seen.find((r) => r.method === 'POST' && r.path === '/api/sites/site_1/messages');
    expect(post?.body).toMatchObject({ name: 'Rate offline mode', attentionExempt: true });
  });

  it('shows the audience as JSON and back as rows', async () => {
    const app = await renderAs('editor', '/messages/msg_1');
    expect((byLabel(app.root, 'Value 1') as HTMLInputElement).value).toBe('Austin');
    await click(button(app.root, 'JSON'));
    const json = byLabel(app.root, 'Audience as JSON');
    expect(JSON.parse((json as HTMLTextAreaElement).value)).toEqual({ city: 'Austin' });
    await type(json, '{ "plan": { "$in": ["plus", "pro"] } }');
    await click(button(app.root, 'Rows'));
    expect((byLabel(app.root, 'Trait 1') as HTMLInputElement).value).toBe('plan');
    expect((byLabel(app.root, 'Value 1') as HTMLInputElement).value).toBe('plus, pro');
  });

  it('estimates with the message’s release and rollout, and says when they hold the audience back', async () => {
    const asked: unknown[] = [];
    const app = await renderAs('editor', '/messages/msg_1', {
      'POST /api/sites/site_1/audience-estimate': (req) => {
        asked.push(req.body);
        return [200, { matching: 12, known: 240, audience: 58 }];
      },
    });
    await new Promise((r) => setTimeout(r, 700)); // the estimate waits for the audience to settle
    expect(asked.at(-1)).toMatchObject({ releaseId: message.releaseId, percent: 100, messageId: 'msg_1' });
    expect(app.root.querySelector('.estimate')?.textContent).toBe(
      '12 of 240 known users would see it now (5%); 58 match the audience, but its rollout or release does not reach the rest yet.',
    );
  });

  it('publishes after confirming who it reaches, and archives only after confirming', async () => {
    const app = await renderAs('editor', '/messages/msg_1', {
      'POST /api/sites/site_1/audience-estimate': [200, { matching: 58, known: 240 }],
      'POST /api/messages/msg_1/publish': [200, { ...message, status: 'live' }],
      'POST /api/messages/msg_1/archive': [200, { ...message, status: 'archived' }],
    });
    await new Promise((r) => setTimeout(r, 700)); // the estimate waits for the audience to settle
    await click(button(app.root, 'Publish'));
    const dialog = app.root.querySelector('dialog[open]') as HTMLDialogElement;
    expect(dialog.querySelector('h2')?.textContent).toBe('Publish this message?');
    expect(dialog.textContent).toContain(
      '58 of 240 known users match (24%). Those who match may see it from now on.',
    );
    expect(app.seen.some((r) => r.path.endsWith('/publish'))).toBe(false);
    await click(button(dialog, 'Publish now'));
    expect(
      app.seen.some(
        (r) => r.path === '/api/messages/msg_1/publish' && r.headers['x-csrf-token'] === 'csrf-123',
      ),
    ).toBe(true);
    expect(app.root.querySelector('.badge')?.textContent).toBe('Live');
    expect(buttonNames(app.root)).toContain('Pause');

    await click(button(app.root, 'Archive'));
    expect(app.seen.some((r) => r.path.endsWith('/archive'))).toBe(false);
    await click(button(app.root, 'Archive message'));
    expect(app.seen.some((r) => r.path === '/api/messages/msg_1/archive')).toBe(true);
  });

  it('says that nobody sees a message published on a draft release until the release starts', async () => {
    const onDraft = { ...message, releaseId: 'rel_1' };
    const app = await renderAs('editor', '/messages/msg_1', {
      'GET /api/messages/msg_1': [200, onDraft],
      'GET /api/sites/site_1/releases': [200, { releases: [release({ name: 'Offline mode' })] }],
      'POST /api/messages/msg_1/publish': [200, { ...onDraft, status: 'live' }],
    });
    await click(button(app.root, 'Publish'));
    const dialog = app.root.querySelector('dialog[open]') as HTMLDialogElement;
    expect(dialog.textContent).toContain(
      'It goes live, but nobody sees it until the release “Offline mode” starts.',
    );
    await click(button(dialog, 'Publish now'));
    expect(app.root.querySelector('[role=status].live-status')?.textContent).toBe(
      'Published. Nobody sees it until the release “Offline mode” starts.',
    );
  });

  it('hides every write button from a viewer and leaves the form read-only', async () => {
    const app = await renderAs('viewer', '/messages/msg_1');
    const names = buttonNames(app.root);
    for (const write of [
      'Save',
      'Publish',
      'Pause',
      'Archive',
      'Delete',
      'Archive message',
      'Delete message',
    ])
      expect(names).not.toContain(write);
    expect(
      (byLabel(app.root, 'Message name') as HTMLInputElement).closest('fieldset:disabled'),
    ).not.toBeNull();
  });
});
