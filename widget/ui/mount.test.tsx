import { describe, expect, it } from 'vitest';
import { byRole, fakeView, message, mount, update } from './test-kit.ts';

describe('mountUi', () => {
  it('adopts a constructable stylesheet and adds no style element or style attribute', async () => {
    const view = fakeView();
    const shadow = await mount(view);
    await update(() => {
      view.current.value = message();
      view.theme.value = { brandColor: '#0a7', radius: 6, font: 'Inter' };
    });
    expect(shadow.adoptedStyleSheets).toHaveLength(1);
    expect(shadow.adoptedStyleSheets[0]?.cssRules.length).toBeGreaterThan(20);
    expect(shadow.querySelector('style')).toBeNull();
    expect(byRole(shadow, 'dialog', 'Reserve a scooter ahead')).toBeTruthy();
  });

  it('resets everything the host page could pass down', async () => {
    const { css } = await import('./styles.ts');
    expect(css).toContain(':host{all:initial}');
    expect(css).toContain('.w{all:initial;');
    expect(css).toContain('@media (prefers-color-scheme:dark)');
    expect(css).toContain('@media (prefers-reduced-motion:reduce)');
  });
});
