import { describe, expect, it } from 'vitest';
import { attachRoot, createRoot } from './root.ts';

describe('createRoot', () => {
  it('adds one #herald-root with an open shadow root, styled !important through CSSOM', () => {
    document.body.replaceChildren();
    const root = createRoot();
    expect(document.querySelectorAll('#herald-root')).toHaveLength(1);
    expect(root.shadowRoot?.mode).toBe('open');
    expect(root.style.getPropertyValue('display')).toBe('block');
    expect(root.style.getPropertyPriority('display')).toBe('important');
    expect(root.style.getPropertyValue('position')).toBe('fixed');
    expect(root.style.getPropertyPriority('z-index')).toBe('important');
    expect(root.style.getPropertyValue('transform')).toBe('none');
  });

  it('puts itself back when the app replaced the body content', () => {
    const root = createRoot();
    document.body.replaceChildren();
    attachRoot(root);
    expect(root.isConnected).toBe(true);
  });
});
