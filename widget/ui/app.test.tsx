import { describe, expect, it } from 'vitest';
import { byRole, findByRole, freshUi, message, show, update } from './test-kit.ts';

describe('App', () => {
  const ui = freshUi();
  const wrapper = () => ui.shadow.querySelector('.herald') as HTMLElement;

  it('lays out right to left for an RTL locale, in its language', async () => {
    expect(wrapper().dir).toBe('ltr');
    await update(() => {
      ui.view.locale.value = 'ar-EG';
      ui.view.feed.launcher.value = true;
    });
    expect(await findByRole(ui.shadow, 'button', 'ما الجديد')).toBeTruthy();
    expect(wrapper().dir).toBe('rtl');
    expect(wrapper().lang).toBe('ar-EG');
  });

  it('gives each message the direction of its own locale', async () => {
    await show(ui.view, message({ locale: 'ar', rtl: true }));
    const dialog = byRole(ui.shadow, 'dialog', 'Reserve a scooter ahead');
    expect(dialog.dir).toBe('rtl');
    expect(dialog.lang).toBe('ar');
  });

  it('sets the theme as CSS variables on the wrapper', async () => {
    await update(() => {
      ui.view.theme.value = { brandColor: '#0a7', radius: 6, font: 'Inter, sans-serif' };
    });
    const style = wrapper().style;
    expect(style.getPropertyValue('--herald-brand')).toBe('#0a7');
    expect(style.getPropertyValue('--herald-radius')).toBe('6px');
    expect(style.getPropertyValue('--herald-font')).toBe('Inter, sans-serif');
  });

  it('shows one interrupting message at a time, and replaces it when the runtime does', async () => {
    await show(ui.view, message());
    await show(
      ui.view,
      message({
        id: 'msg_2',
        display: { style: 'banner' },
        content: { title: 'Two', body: [] },
      }),
    );
    expect(ui.shadow.querySelector('[role=dialog]')).toBeNull();
    expect(byRole(ui.shadow, 'region', 'Two')).toBeTruthy();
    expect(ui.view.actions.shown.mock.calls).toEqual([['msg_1'], ['msg_2']]);
  });

  it('shows banners alongside the interrupting message, under it', async () => {
    const banner = message({
      id: 'banner',
      display: { style: 'banner', position: 'bottom' },
      content: { title: 'Winter rates', body: [] },
    });
    await update(() => {
      ui.view.banners.value = [banner];
      ui.view.current.value = message();
    });
    const region = byRole(ui.shadow, 'region', 'Winter rates');
    const dialog = byRole(ui.shadow, 'dialog', 'Reserve a scooter ahead');
    // Later in the wrapper, so the modal and its backdrop draw over the banner.
    expect(region.compareDocumentPosition(dialog) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(ui.view.actions.shown.mock.calls).toEqual([['banner'], ['msg_1']]);
    await update(() => {
      ui.view.current.value = null;
    });
    expect(byRole(ui.shadow, 'region', 'Winter rates')).toBe(region);
  });

  it('removes the surfaces instead of throwing when a message cannot be rendered', async () => {
    const broken = message({ content: { title: 'Broken', body: [{ t: 'p' }] } as never });
    await show(ui.view, broken);
    expect(ui.shadow.querySelector('.herald')).toBeNull();
  });
});
