import { describe, expect, it } from 'vitest';
import { attachRoot, createRoot } from './root.ts';

describe('createRoot', () => {
  it('adds one #herald-root with an open shadow root, styled !important through CSSOM', () => {
    document.body.replaceChildren();
    const root = createRoot();
    expect(document.querySelectorAll('#herald-root')).toHaveLength(1);
    expect(root.shadowRoot?.mode).toBe('open');
    // `all: initial` resets transforms, filters and the rest a host rule could set.
    expect(root.style.getPropertyValue('all')).toBe('initial');
    expect(root.style.getPropertyPriority('all')).toBe('important');
    expect(root.style.getPropertyValue('display')).toBe('block');
    expect(root.style.getPropertyPriority('display')).toBe('important');
    expect(root.style.getPropertyValue('position')).toBe('fixed');
    expect(root.style.getPropertyPriority('z-index')).toBe('important');
    root.remove();
  });

  it('goes into <html>, outside a body whose transform would capture fixed elements', () => {
    const root = createRoot();
    expect(root.parentElement).toBe(document.documentElement);
    root.remove();
  });

  it('puts itself back when the app replaced the page content', () => {
    const root = createRoot();
    root.remove();
    attachRoot(root);
    expect(root.isConnected).toBe(true);
    root.remove();
  });
});
