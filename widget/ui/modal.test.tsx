import { beforeEach, describe, expect, it } from 'vitest';
import { byRole, click, type FakeView, fakeView, focused, message, mount, press, update } from './test-kit.ts';

describe('Modal', () => {
  let view: FakeView;
  let shadow: ShadowRoot;
  beforeEach(async () => {
    view = fakeView();
    shadow = await mount(view);
  });

  it('is a modal dialog named by its title, and reports that it was shown once', async () => {
    await update(() => {
      view.current.value = message();
    });
    const dialog = byRole(shadow, 'dialog', 'Reserve a scooter ahead');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.textContent).toContain('Reserve up to 30 minutes ahead.');
    expect(view.actions.shown).toHaveBeenCalledTimes(1);
    expect(view.actions.shown).toHaveBeenCalledWith('msg_1');
  });

  it('moves focus into the dialog and gives it back when it closes', async () => {
    const pageButton = document.getElementById('page-button') as HTMLButtonElement;
    pageButton.focus();
    await update(() => {
      view.current.value = message();
    });
    const dialog = byRole(shadow, 'dialog', 'Reserve a scooter ahead');
    expect(dialog.contains(focused(shadow))).toBe(true);
    await update(() => {
      view.current.value = null;
    });
    expect(document.activeElement).toBe(pageButton);
  });

  it('dismisses on Escape, on the close button and on the backdrop', async () => {
    await update(() => {
      view.current.value = message();
    });
    const dialog = byRole(shadow, 'dialog', 'Reserve a scooter ahead');
    await press(dialog, 'Escape');
    await click(byRole(dialog, 'button', 'Close'));
    await click(shadow.querySelector('.bk') as Element);
    expect(view.actions.dismiss.mock.calls).toEqual([['msg_1'], ['msg_1'], ['msg_1']]);
  });

  it('keeps Tab inside the dialog', async () => {
    await update(() => {
      view.current.value = message();
    });
    const dialog = byRole(shadow, 'dialog', 'Reserve a scooter ahead');
    const close = byRole(dialog, 'button', 'Close');
    const cta = byRole(dialog, 'button', 'Try it');
    cta.focus();
    await press(cta, 'Tab');
    expect(focused(shadow)).toBe(close);
    await press(close, 'Tab', { shiftKey: true });
    expect(focused(shadow)).toBe(cta);
  });

  it('records a click on the call to action with its URL', async () => {
    await update(() => {
      view.current.value = message();
    });
    await click(byRole(shadow, 'button', 'Try it'));
    expect(view.actions.click).toHaveBeenCalledWith('msg_1', '/reserve');
  });
});
