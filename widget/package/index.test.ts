import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Package = typeof import('./index.ts');

describe('the npm package', () => {
  let fetches: { url: string; body: Record<string, unknown> }[];
  beforeEach(() => {
    vi.resetModules();
    vi.useFakeTimers();
    localStorage.clear();
    fetches = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        fetches.push({ url, body: JSON.parse(String(init.body)) });
        const user = (JSON.parse(String(init.body)).user ?? {}) as { id?: string };
        const enabled = user.id === 'u_austin_1';
        return new Response(
          JSON.stringify({
            messages: [],
            releases: { 'reserve-ahead': { enabled, phase: null, holdout: false } },
          }),
        );
      }),
    );
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('does nothing on import: no global, no listener, no storage, no request', async () => {
    const keys = new Set(Object.keys(window));
    const listen = vi.spyOn(window, 'addEventListener');
    const pushState = history.pushState;
    const herald: Package = await import('./index.ts');
    herald.identify('u_austin_1', { city: 'Austin' });
    herald.track('opened');
    await vi.advanceTimersByTimeAsync(1000);
    expect(Object.keys(window).filter((k) => !keys.has(k))).toEqual([]);
    expect(listen).not.toHaveBeenCalled();
    expect(history.pushState).toBe(pushState);
    expect(localStorage.length).toBe(0);
    expect(fetches).toEqual([]);
    expect(herald.isEnabled('reserve-ahead')).toBe(false);
  });

  it('replays the calls made before init, in order, as one decide for the identified user', async () => {
    const herald: Package = await import('./index.ts');
    herald.identify('u_austin_1', { city: 'Austin' });
    const ready = herald.ready();
    herald.init({ site: 'pk_demo', api: 'https://herald.test/' });
    await vi.advanceTimersByTimeAsync(1000);
    await ready;
    const decides = fetches.filter((f) => f.url === 'https://herald.test/v1/decide');
    expect(decides).toHaveLength(1);
    expect(decides[0]?.body).toMatchObject({
      site: 'pk_demo',
      user: { id: 'u_austin_1', traits: { city: 'Austin' } },
    });
    expect(herald.isEnabled('reserve-ahead')).toBe(true);
    // No global: the package is the API, `window.Herald` stays the script tag's.
    expect((window as unknown as { Herald?: unknown }).Herald).toBeUndefined();
  });

  it('tells subscribers of every new decision, and stops when they unsubscribe', async () => {
    const herald: Package = await import('./index.ts');
    const seen: boolean[] = [];
    const off = herald.subscribe(() => seen.push(herald.isEnabled('reserve-ahead')));
    herald.init({ site: 'pk_demo', api: 'https://herald.test' });
    await vi.advanceTimersByTimeAsync(100);
    herald.identify('u_austin_1', { city: 'Austin' });
    await vi.advanceTimersByTimeAsync(100);
    expect(seen).toEqual([false, true]);
    off();
    herald.reset();
    await vi.advanceTimersByTimeAsync(100);
    expect(seen).toEqual([false, true]);
    expect(herald.isEnabled('reserve-ahead')).toBe(false);
  });

  it('starts once: a second init changes nothing', async () => {
    const herald: Package = await import('./index.ts');
    herald.init({ site: 'pk_demo', api: 'https://herald.test' });
    herald.init({ site: 'pk_other', api: 'https://elsewhere.test' });
    await vi.advanceTimersByTimeAsync(100);
    expect(fetches.map((f) => [f.url, f.body.site])).toEqual([['https://herald.test/v1/decide', 'pk_demo']]);
  });
});
