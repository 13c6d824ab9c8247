import { beforeEach, describe, expect, it } from 'vitest';
import { byRole, click, type FakeView, fakeView, focused, message, mount, press, update } from './test-kit.ts';

describe('Slideout', () => {
  let view: FakeView;
  let shadow: ShadowRoot;
  beforeEach(async () => {
    view = fakeView();
    shadow = await mount(view);
  });

  it('is a non-modal dialog named by its title that leaves focus on the page', async () => {
    const pageButton = document.getElementById('page-button') as HTMLButtonElement;
    pageButton.focus();
    await update(() => {
      view.current.value = message({ display: { style: 'slideout' } });
    });
    const card = byRole(shadow, 'dialog', 'Reserve a scooter ahead');
    expect(card.getAttribute('aria-modal')).toBe('false');
    expect(document.activeElement).toBe(pageButton);
    expect(view.actions.shown).toHaveBeenCalledTimes(1);
  });

  it('closes on Escape from inside and on its close button', async () => {
    await update(() => {
      view.current.value = message({ display: { style: 'slideout' } });
    });
    const cta = byRole(shadow, 'button', 'Try it');
    await press(cta, 'Escape');
    await click(byRole(shadow, 'button', 'Close'));
    expect(view.actions.dismiss.mock.calls).toEqual([['msg_1'], ['msg_1']]);
  });

  it('keeps Escape meant for the host page to the host page', async () => {
    await update(() => {
      view.current.value = message({ display: { style: 'slideout' } });
    });
    await press(document.getElementById('page-button') as HTMLElement, 'Escape');
    expect(view.actions.dismiss).not.toHaveBeenCalled();
    expect(focused(shadow)).not.toBe(byRole(shadow, 'dialog', 'Reserve a scooter ahead'));
  });
});
