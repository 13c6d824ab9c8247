import { describe, expect, it, vi } from 'vitest';
import type { SurveyScale } from '../../server/schema/message.ts';
import { allByRole, byRole, click, focused, freshUi, message, press, show, update } from './test-kit.ts';

const survey = (scale: SurveyScale, followUp = false, style: 'slideout' | 'modal' = 'slideout') =>
  message({
    id: 'srv_1',
    kind: 'survey',
    display: { style },
    survey: { scale, followUp },
    content: { title: 'How was reserving?', body: [] },
  });

describe('Survey', () => {
  const ui = freshUi();

  it('asks its title in a non-modal slide-out card by default', async () => {
    await show(ui.view, survey('stars5'));
    const card = byRole(ui.shadow, 'dialog', 'How was reserving?');
    expect(card.getAttribute('aria-modal')).toBe('false');
    expect(byRole(card, 'group', 'How was reserving?')).toBeTruthy();
    expect(ui.view.actions.shown).toHaveBeenCalledWith('srv_1');
  });

  it('is a modal when the author asked for one', async () => {
    await show(ui.view, survey('thumbs', false, 'modal'));
    expect(byRole(ui.shadow, 'dialog', 'How was reserving?').getAttribute('aria-modal')).toBe('true');
  });

  it.each([
    ['stars5', ['1 out of 5', '2 out of 5', '3 out of 5', '4 out of 5', '5 out of 5']],
    ['thumbs', ['Thumbs up', 'Thumbs down']],
    ['emoji5', ['Very unhappy', 'Unhappy', 'Neutral', 'Happy', 'Very happy']],
    ['nps', Array.from({ length: 11 }, (_, i) => `${i} out of 10`)],
  ] as const)('names every %s choice', async (scale, names) => {
    await show(ui.view, survey(scale));
    const group = byRole(ui.shadow, 'group', 'How was reserving?');
    expect(allByRole(group, 'button').map((b) => b.getAttribute('aria-label'))).toEqual(names);
  });

  it.each([
    ['stars5', '4 out of 5', 4],
    ['thumbs', 'Thumbs up', 1],
    ['thumbs', 'Thumbs down', 0],
    ['emoji5', 'Happy', 4],
    ['nps', '8 out of 10', 8],
  ] as const)(
    'sends a %s rating "%s" as %d and thanks in a polite live region',
    async (scale, name, value) => {
      await show(ui.view, survey(scale));
      await click(byRole(ui.shadow, 'button', name));
      expect(ui.view.actions.respond.mock.calls).toEqual([['srv_1', value]]);
      const status = ui.shadow.querySelector('[aria-live="polite"]');
      expect(status?.textContent).toBe('Thank you for your feedback!');
    },
  );

  it('keeps keyboard focus in the card when the answered scale goes away', async () => {
    await show(ui.view, survey('thumbs', false, 'modal'));
    const up = byRole(ui.shadow, 'button', 'Thumbs up');
    up.focus();
    await click(up);
    expect(focused(ui.shadow)).toBe(byRole(ui.shadow, 'dialog', 'How was reserving?'));
  });

  it('keeps the live region on screen before the answer, so the thank-you is announced', async () => {
    await show(ui.view, survey('stars5'));
    const status = byRole(ui.shadow, 'status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('');
  });

  it('sends the rating with the follow-up text as one response', async () => {
    await show(ui.view, survey('stars5', true));
    await click(byRole(ui.shadow, 'button', '4 out of 5'));
    expect(ui.view.actions.respond).not.toHaveBeenCalled();
    const box = byRole(ui.shadow, 'textbox', 'Tell us more (optional)') as HTMLTextAreaElement;
    expect(focused(ui.shadow)).toBe(box);
    box.value = 'Nice ';
    await click(byRole(ui.shadow, 'button', 'Submit'));
    expect(ui.view.actions.respond.mock.calls).toEqual([['srv_1', 4, 'Nice']]);
    expect(byRole(ui.shadow, 'status').textContent).toBe('Thank you for your feedback!');
  });

  it('still sends a rating given without Submit when the prompt goes away', async () => {
    await show(ui.view, survey('stars5', true));
    await click(byRole(ui.shadow, 'button', '2 out of 5'));
    await click(byRole(ui.shadow, 'button', 'Close'));
    expect(ui.view.actions.dismiss).toHaveBeenCalledWith('srv_1');
    await show(ui.view, null);
    expect(ui.view.actions.respond.mock.calls).toEqual([['srv_1', 2]]);
  });

  it('marks the chosen rating as pressed', async () => {
    await show(ui.view, survey('stars5', true));
    await click(byRole(ui.shadow, 'button', '3 out of 5'));
    expect(byRole(ui.shadow, 'button', '3 out of 5').getAttribute('aria-pressed')).toBe('true');
    expect(byRole(ui.shadow, 'button', '4 out of 5').getAttribute('aria-pressed')).toBe('false');
  });

  it('moves between choices with the arrow keys, one Tab stop for the scale', async () => {
    await show(ui.view, survey('stars5'));
    const group = byRole(ui.shadow, 'group', 'How was reserving?');
    const buttons = allByRole(group, 'button');
    expect(buttons.map((b) => b.tabIndex)).toEqual([0, -1, -1, -1, -1]);
    buttons[0]?.focus();
    await press(buttons[0] as HTMLElement, 'ArrowRight');
    expect(focused(ui.shadow)).toBe(buttons[1]);
    await press(buttons[1] as HTMLElement, 'ArrowLeft');
    await press(buttons[0] as HTMLElement, 'ArrowLeft');
    expect(focused(ui.shadow)).toBe(buttons[4]);
  });

  it('mirrors the arrow keys right to left', async () => {
    await show(ui.view, { ...survey('stars5'), rtl: true, locale: 'ar' });
    const buttons = allByRole(ui.shadow, 'button').filter((b) => b.closest('fieldset'));
    buttons[0]?.focus();
    await press(buttons[0] as HTMLElement, 'ArrowLeft');
    expect(focused(ui.shadow)).toBe(buttons[1]);
  });

  it('closes itself a few seconds after the thank-you', async () => {
    vi.useFakeTimers();
    try {
      await show(ui.view, survey('thumbs'));
      await click(byRole(ui.shadow, 'button', 'Thumbs up'));
      expect(ui.view.actions.dismiss).not.toHaveBeenCalled();
      await update(() => vi.advanceTimersByTime(5000));
      expect(ui.view.actions.dismiss).toHaveBeenCalledWith('srv_1');
    } finally {
      vi.useRealTimers();
    }
  });
});
