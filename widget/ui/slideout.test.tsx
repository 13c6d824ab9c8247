import { describe, expect, it } from 'vitest';
import { byRole, click, focused, freshUi, message, press, show } from './test-kit.ts';

describe('Slideout', () => {
  const ui = freshUi();

  it('is a non-modal dialog named by its title that leaves focus on the page', async () => {
    const pageButton = document.getElementById('page-button') as HTMLButtonElement;
    pageButton.focus();
    await show(ui.view, message({ display: { style: 'slideout' } }));
    const card = byRole(ui.shadow, 'dialog', 'Reserve a scooter ahead');
    expect(card.getAttribute('aria-modal')).toBe('false');
    expect(document.activeElement).toBe(pageButton);
    expect(ui.view.actions.shown).toHaveBeenCalledTimes(1);
  });

  it('closes on Escape from inside and on its close button', async () => {
    await show(ui.view, message({ display: { style: 'slideout' } }));
    const cta = byRole(ui.shadow, 'button', 'Try it');
    await press(cta, 'Escape');
    await click(byRole(ui.shadow, 'button', 'Close'));
    expect(ui.view.actions.dismiss.mock.calls).toEqual([['msg_1'], ['msg_1']]);
  });

  it('keeps Escape meant for the host page to the host page', async () => {
    await show(ui.view, message({ display: { style: 'slideout' } }));
    await press(document.getElementById('page-button') as HTMLElement, 'Escape');
    expect(ui.view.actions.dismiss).not.toHaveBeenCalled();
    expect(focused(ui.shadow)).not.toBe(byRole(ui.shadow, 'dialog', 'Reserve a scooter ahead'));
  });
});
