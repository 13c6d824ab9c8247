import { describe, expect, it } from 'vitest';
import { byRole, click, focused, freshUi, message, press, show } from './test-kit.ts';

describe('Modal', () => {
  const ui = freshUi();

  it('is a modal dialog named by its title, and reports that it was shown once', async () => {
    await show(ui.view, message());
    const dialog = byRole(ui.shadow, 'dialog', 'Reserve a scooter ahead');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.textContent).toContain('Reserve up to 30 minutes ahead.');
    expect(ui.view.actions.shown).toHaveBeenCalledTimes(1);
    expect(ui.view.actions.shown).toHaveBeenCalledWith('msg_1');
  });

  it('moves focus into the dialog and gives it back when it closes', async () => {
    const pageButton = document.getElementById('page-button') as HTMLButtonElement;
    pageButton.focus();
    await show(ui.view, message());
    const dialog = byRole(ui.shadow, 'dialog', 'Reserve a scooter ahead');
    expect(dialog.contains(focused(ui.shadow))).toBe(true);
    await show(ui.view, null);
    expect(document.activeElement).toBe(pageButton);
  });

  it('dismisses on Escape, on the close button and on the backdrop', async () => {
    await show(ui.view, message());
    const dialog = byRole(ui.shadow, 'dialog', 'Reserve a scooter ahead');
    await press(dialog, 'Escape');
    await click(byRole(dialog, 'button', 'Close'));
    await click(ui.shadow.querySelector('.backdrop') as Element);
    expect(ui.view.actions.dismiss.mock.calls).toEqual([['msg_1'], ['msg_1'], ['msg_1']]);
  });

  it('keeps Tab inside the dialog', async () => {
    await show(ui.view, message());
    const dialog = byRole(ui.shadow, 'dialog', 'Reserve a scooter ahead');
    const close = byRole(dialog, 'button', 'Close');
    const cta = byRole(dialog, 'button', 'Try it');
    cta.focus();
    await press(cta, 'Tab');
    expect(focused(ui.shadow)).toBe(close);
    await press(close, 'Tab', { shiftKey: true });
    expect(focused(ui.shadow)).toBe(cta);
  });

  it('records a click on the call to action with its URL', async () => {
    await show(ui.view, message());
    await click(byRole(ui.shadow, 'button', 'Try it'));
    expect(ui.view.actions.click).toHaveBeenCalledWith('msg_1', '/reserve');
  });
});
