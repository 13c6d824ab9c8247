import { describe, expect, it } from 'vitest';
import { byRole, fakeView, message, mount, update } from './test-kit.ts';

describe('mountUi', () => {
  it('adopts constructable stylesheets, its own and then the surface ones, and adds no style element', async () => {
    const view = fakeView();
    const shadow = await mount(view);
    await update(() => {
      view.current.value = message();
      view.theme.value = { brandColor: '#0a7', radius: 6, font: 'Inter' };
    });
    // The main sheet, then the modal's, adopted by the modal's chunk when it mounts.
    expect(shadow.adoptedStyleSheets).toHaveLength(2);
    expect(shadow.adoptedStyleSheets[0]?.cssRules.length).toBeGreaterThan(15);
    expect(shadow.adoptedStyleSheets[1]?.cssRules[0]?.cssText).toMatch(/^\.backdrop/);
    expect(shadow.querySelector('style')).toBeNull();
    expect(byRole(shadow, 'dialog', 'Reserve a scooter ahead')).toBeTruthy();
  });

  it('resets everything the host page could pass down, and follows dark mode and reduced motion', async () => {
    const shadow = await mount(fakeView());
    const rules = [...(shadow.adoptedStyleSheets[0]?.cssRules ?? [])];
    const style = (selector: string) =>
      rules.find((r): r is CSSStyleRule => r instanceof CSSStyleRule && r.selectorText === selector)?.style;
    expect(style(':host')?.getPropertyValue('all')).toBe('initial');
    expect(style('.herald')?.getPropertyValue('all')).toBe('initial');
    const media = rules.filter((r) => r instanceof CSSMediaRule).map((r) => r.media.mediaText);
    expect(media).toContain('(prefers-color-scheme: dark)');
    expect(media).toContain('(prefers-reduced-motion: reduce)');
  });
});
