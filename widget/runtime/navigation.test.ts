import { describe, expect, it, vi } from 'vitest';
import { watchNavigation } from './navigation.ts';

describe('watchNavigation', () => {
  it('hears pushState, replaceState and popstate, after the URL changed', () => {
    const paths: string[] = [];
    watchNavigation(() => paths.push(location.pathname));
    history.pushState(null, '', '/demo/reserve');
    history.replaceState(null, '', '/demo/rides');
    dispatchEvent(new PopStateEvent('popstate'));
    expect(paths).toEqual(['/demo/reserve', '/demo/rides', '/demo/rides']);
  });

  it('never throws into the app that navigates', () => {
    const failing = vi.fn(() => {
      throw new Error('widget bug');
    });
    watchNavigation(failing);
    expect(() => history.pushState({ n: 1 }, '', '/demo/')).not.toThrow();
    expect(history.state).toEqual({ n: 1 });
    expect(location.pathname).toBe('/demo/');
    expect(failing).toHaveBeenCalled();
  });
});
