import { beforeEach, describe, expect, it } from 'vitest';
import { byRole, type FakeView, fakeView, message, mount, update } from './test-kit.ts';

describe('App', () => {
  let view: FakeView;
  let shadow: ShadowRoot;
  beforeEach(async () => {
    view = fakeView();
    shadow = await mount(view);
  });
  const wrapper = () => shadow.querySelector('.w') as HTMLElement;

  it('lays out right to left for an RTL locale, in its language', async () => {
    expect(wrapper().dir).toBe('ltr');
    await update(() => {
      view.locale.value = 'ar-EG';
      view.feed.launcher.value = true;
    });
    expect(wrapper().dir).toBe('rtl');
    expect(wrapper().lang).toBe('ar-EG');
    expect(byRole(shadow, 'button', 'ما الجديد')).toBeTruthy();
  });

  it('gives each message the direction of its own locale', async () => {
    await update(() => {
      view.current.value = message({ locale: 'ar', rtl: true });
    });
    const dialog = byRole(shadow, 'dialog', 'Reserve a scooter ahead');
    expect(dialog.dir).toBe('rtl');
    expect(dialog.lang).toBe('ar');
  });

  it('sets the theme as CSS variables on the wrapper', async () => {
    await update(() => {
      view.theme.value = { brandColor: '#0a7', radius: 6, font: 'Inter, sans-serif' };
    });
    const style = wrapper().style;
    expect(style.getPropertyValue('--herald-brand')).toBe('#0a7');
    expect(style.getPropertyValue('--herald-radius')).toBe('6px');
    expect(style.getPropertyValue('--herald-font')).toBe('Inter, sans-serif');
  });

  it('shows one interrupting message at a time, and replaces it when the runtime does', async () => {
    await update(() => {
      view.current.value = message();
    });
    await update(() => {
      view.current.value = message({ id: 'msg_2', display: { style: 'banner' }, content: { title: 'Two', body: [] } });
    });
    expect(shadow.querySelector('[role=dialog]')).toBeNull();
    expect(byRole(shadow, 'region', 'Two')).toBeTruthy();
    expect(view.actions.shown.mock.calls).toEqual([['msg_1'], ['msg_2']]);
  });

  it('removes the surfaces instead of throwing when a message cannot be rendered', async () => {
    const broken = message({ content: { title: 'Broken', body: [{ t: 'p' }] } as never });
    await update(() => {
      view.current.value = broken;
    });
    expect(shadow.querySelector('.w')).toBeNull();
  });
});
