import { beforeEach, describe, expect, it } from 'vitest';
import { byRole, click, type FakeView, fakeView, focused, message, mount, press, update } from './test-kit.ts';

describe('Banner', () => {
  let view: FakeView;
  let shadow: ShadowRoot;
  beforeEach(async () => {
    view = fakeView();
    shadow = await mount(view);
  });

  it('is a region named by its title, at the top by default, without taking focus', async () => {
    await update(() => {
      view.current.value = message({ display: { style: 'banner' } });
    });
    const region = byRole(shadow, 'region', 'Reserve a scooter ahead');
    expect(region.classList.contains('bn')).toBe(true);
    expect(region.classList.contains('bt')).toBe(false);
    expect(focused(shadow)).not.toBe(region);
    expect(view.actions.shown).toHaveBeenCalledWith('msg_1');
  });

  it('sits at the bottom when asked', async () => {
    await update(() => {
      view.current.value = message({ display: { style: 'banner', position: 'bottom' } });
    });
    expect(byRole(shadow, 'region', 'Reserve a scooter ahead').classList.contains('bt')).toBe(true);
  });

  it('dismisses with its button and with Escape from inside', async () => {
    await update(() => {
      view.current.value = message({ display: { style: 'banner' } });
    });
    const dismiss = byRole(shadow, 'button', 'Dismiss');
    await click(dismiss);
    await press(dismiss, 'Escape');
    expect(view.actions.dismiss.mock.calls).toEqual([['msg_1'], ['msg_1']]);
  });

  it('is fixed over the page, so nothing on the page moves', async () => {
    const { css } = await import('./styles.ts');
    expect(css).toMatch(/\.c\{position:fixed/);
    expect(css).toMatch(/\.bn\{inset-inline:0;top:0/);
  });
});
