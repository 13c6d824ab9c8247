import { describe, expect, it } from 'vitest';
import { byRole, click, focused, freshUi, message, press, show } from './test-kit.ts';

describe('Banner', () => {
  const ui = freshUi();

  it('is a region named by its title, at the top by default, without taking focus', async () => {
    await show(ui.view, message({ display: { style: 'banner' } }));
    const region = byRole(ui.shadow, 'region', 'Reserve a scooter ahead');
    expect(region.classList.contains('banner')).toBe(true);
    expect(region.classList.contains('bottom')).toBe(false);
    expect(focused(ui.shadow)).not.toBe(region);
    expect(ui.view.actions.shown).toHaveBeenCalledWith('msg_1');
  });

  it('sits at the bottom when asked', async () => {
    await show(ui.view, message({ display: { style: 'banner', position: 'bottom' } }));
    expect(byRole(ui.shadow, 'region', 'Reserve a scooter ahead').classList.contains('bottom')).toBe(true);
  });

  it('dismisses with its button and with Escape from inside', async () => {
    await show(ui.view, message({ display: { style: 'banner' } }));
    const dismiss = byRole(ui.shadow, 'button', 'Dismiss');
    await click(dismiss);
    await press(dismiss, 'Escape');
    expect(ui.view.actions.dismiss.mock.calls).toEqual([['msg_1'], ['msg_1']]);
  });

  it('is fixed over the page, so nothing on the page moves', async () => {
    await show(ui.view, message({ display: { style: 'banner' } }));
    const rules = ui.shadow.adoptedStyleSheets
      .flatMap((s) => [...s.cssRules].map((r) => r.cssText))
      .join('\n');
    expect(rules).toMatch(/\.card \{[^}]*position: fixed/);
    expect(rules).toMatch(/\.banner \{ inset-inline: 0(px)?; top: 0px/);
  });
});
