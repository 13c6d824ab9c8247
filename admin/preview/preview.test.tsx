import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { css } from '../../widget/ui/styles.ts';
import { blankMessage } from '../editor/message-draft.ts';
import { message } from '../test-fixtures.ts';
import { button, byLabel, click, renderAs, type } from '../test-kit.tsx';
import { DARK_QUERY, PHONE_QUERY, previewCss } from './preview-css.ts';
import { plainBlocks, shownMessage } from './shown-message.ts';
import { WidgetFrame } from './widget-frame.tsx';

describe('preview', () => {
  it('answers the widget’s dark-mode and phone queries per frame', () => {
    // If the widget's queries change, the preview would follow the admin's window instead: fail loudly.
    expect(css).toMatch(DARK_QUERY);
    expect(css).toMatch(PHONE_QUERY);
    const darkPhone = previewCss('dark', 'phone');
    expect(darkPhone).not.toMatch(/prefers-color-scheme|max-width:480px/);
    expect(darkPhone.match(/@media all/g)).toHaveLength(2);
    expect(previewCss('light', 'desktop').match(/@media not all/g)).toHaveLength(2);
  });

  it('draws the draft with the widget’s components in a shadow root, inert', async () => {
    const draft = { ...blankMessage(), content: { en: { title: 'Hello Austin', body: 'First\n\nSecond' } } };
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    onTestFinished(() => act(() => render(null, root)));
    await act(() =>
      render(
        <WidgetFrame
          message={shownMessage(draft, null, 'en')}
          theme={null}
          scheme="dark"
          size="phone"
          label="Phone"
        />,
        root,
      ),
    );
    const frame = root.querySelector('.device');
    expect(frame?.hasAttribute('inert')).toBe(true);
    const shadow = root.querySelector('.widget-host')?.shadowRoot;
    // The modal's code is a chunk of its own: on a cold start its first import takes a while.
    await vi.waitFor(() =>
      expect(shadow?.querySelector('[role=dialog] h2')?.textContent).toBe('Hello Austin'),
    );
    expect([...(shadow?.querySelectorAll('p') ?? [])].map((p) => p.textContent)).toEqual(['First', 'Second']);
  });

  it('uses the compiled body while the markdown is as saved', () => {
    const draft = { ...blankMessage(), content: message.content };
    expect(shownMessage(draft, message, 'en').content.body).toEqual(message.compiled.en?.body);
    const edited = { ...draft, content: { en: { title: 'T', body: 'New **text**' } } };
    expect(shownMessage(edited, message, 'en').content.body).toEqual(plainBlocks('New **text**'));
  });

  it('tells why a sample user would not see the message', async () => {
    const app = await renderAs('editor', '/messages/msg_1', {
      'POST /api/sites/site_1/preview': (req) => [
        200,
        (req.body as { user: { traits: { city?: string } } }).user.traits.city === 'Austin'
          ? { show: true, reason: null, detail: null }
          : { show: false, reason: 'not-in-audience', detail: 'city is Boston, not Austin' },
      ],
    });
    await type(byLabel(app.root, 'Sample traits (JSON)'), '{ "city": "Boston" }');
    await click(button(app.root, 'Check sample user'));
    const verdict = app.root.querySelector('.verdict')?.textContent ?? '';
    expect(verdict).toContain('Hidden: This user is not in the audience.');
    expect(verdict).toContain('city is Boston, not Austin');
    await type(byLabel(app.root, 'Sample traits (JSON)'), '{ "city": "Austin" }');
    await click(button(app.root, 'Check sample user'));
    expect(app.root.querySelector('.verdict')?.textContent).toContain('Shown');
  });

  it('names the attention budget and the release rule that keep a sample user out', async () => {
    const budget =
      'the site’s attention budget (at most 3 interruptions a day, 30 minutes apart): this user had 1 in the last day, the last 10 minutes ago';
    const app = await renderAs('editor', '/messages/msg_1', {
      'POST /api/sites/site_1/preview': [
        200,
        {
          show: false,
          reason: 'attention-budget',
          detail: budget,
          release: {
            id: 'rel_1',
            key: 'offline',
            name: 'Offline mode',
            enabled: true,
            phase: 'Pilot: Austin',
            holdout: false,
            why: 'exposed',
            reason: 'exposed in phase “Pilot: Austin”',
          },
        },
      ],
    });
    await click(button(app.root, 'Check sample user'));
    const verdict = app.root.querySelector('.verdict')?.textContent ?? '';
    expect(verdict).toContain('Hidden: This user has had enough interruptions for now (attention budget).');
    expect(verdict).toContain(budget);
    expect(verdict).toContain('Release “Offline mode”: exposed in phase “Pilot: Austin”.');
  });

  it('says when the sample traits are not JSON, beside the field', async () => {
    const app = await renderAs('editor', '/messages/msg_1');
    await type(byLabel(app.root, 'Sample traits (JSON)'), '{ city: Boston');
    await click(button(app.root, 'Check sample user'));
    expect(byLabel(app.root, 'Sample traits (JSON)').getAttribute('aria-invalid')).toBe('true');
  });
});
