import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { boot } from './boot.ts';
import { EMBED_STUB } from './stub.ts';

type Global = { Herald?: Record<string, unknown> & { q?: unknown[] } };

// The embed tags point at scripts happy-dom must not try to fetch.
const happyDom = (window as unknown as { happyDOM?: { settings: Record<string, unknown> } }).happyDOM;
if (happyDom) happyDom.settings.handleDisabledFileLoadingAsSuccess = true;

describe('boot', () => {
  const global = window as unknown as Global;
  let bodies: { url: string; body: Record<string, unknown> }[];

  beforeEach(() => {
    vi.useFakeTimers();
    localStorage.clear();
    document.head.innerHTML = '<script src="https://herald.test/widget.js" data-site="pk_demo"></script>';
    bodies = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        bodies.push({ url, body: JSON.parse(String(init.body)) });
        return new Response(JSON.stringify({ messages: [], releases: {} }));
      }),
    );
    // The embed stub, as DESIGN has it.
    const h: Global['Herald'] = { q: [] };
    for (const m of ['identify', 'track', 'page', 'reset', 'openFeed', 'on']) {
      h[m] = (...args: unknown[]) => h.q?.push([m, args]);
    }
    global.Herald = h;
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    delete global.Herald;
  });

  it('replaces the stub with the real API and replays its queue in order', async () => {
    const herald = global.Herald as Record<string, (...a: unknown[]) => void>;
    herald.track?.('before_identify');
    herald.identify?.('u_42', { city: 'Austin' });
    boot('ui-test.js');
    expect(typeof global.Herald?.ready).toBe('function');
    expect(global.Herald?.q).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1000);
    const decides = bodies.filter((b) => b.url === 'https://herald.test/v1/decide');
    expect(decides).toHaveLength(1);
    expect(decides[0]?.body.user).toMatchObject({ id: 'u_42', traits: { city: 'Austin' } });
    const events = bodies.find((b) => b.url === 'https://herald.test/v1/events')?.body.events;
    expect(events).toMatchObject([
      { type: 'track', name: 'before_identify', user: { anonymousId: expect.any(String) } },
    ]);
  });

  it('waits for the document to be parsed, so identify calls from deferred scripts come first', async () => {
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' });
    try {
      boot('ui-test.js');
      expect(global.Herald?.ready).toBeUndefined(); // still the stub, still queueing
      (global.Herald as Record<string, (...a: unknown[]) => void>).identify?.('u_boston_1');
      document.dispatchEvent(new Event('DOMContentLoaded', { bubbles: true }));
      expect(typeof global.Herald?.ready).toBe('function');
      await vi.advanceTimersByTimeAsync(0);
      const decides = bodies.filter((b) => b.url.endsWith('/v1/decide'));
      expect(decides.map((d) => (d.body.user as { id?: string }).id)).toEqual(['u_boston_1']);
    } finally {
      delete (document as unknown as Record<string, unknown>).readyState;
    }
  });

  it('adds no global but window.Herald', () => {
    const before = new Set(Object.keys(window));
    boot('ui-test.js');
    expect(Object.keys(window).filter((k) => !before.has(k))).toEqual([]);
    expect(global.Herald).toBeDefined();
  });

  it('does nothing when it runs twice', () => {
    boot('ui-test.js');
    const first = global.Herald;
    boot('ui-test.js');
    expect(global.Herald).toBe(first);
  });

  it('with the published stub, answers isEnabled false and hands out ready() before the widget loads', async () => {
    delete global.Herald;
    new Function(EMBED_STUB)();
    const herald = global.Herald as unknown as {
      isEnabled(key: string): boolean;
      ready(): Promise<void>;
      identify(id: string): void;
    };
    expect(herald.isEnabled('reserve-ahead')).toBe(false);
    let resolved = false;
    herald.ready().then(() => {
      resolved = true;
    });
    herald.identify('u_42');
    await vi.advanceTimersByTimeAsync(0);
    expect(resolved).toBe(false); // no widget yet, no answer yet
    boot('ui-test.js');
    await vi.advanceTimersByTimeAsync(1000);
    expect(bodies.filter((b) => b.url.endsWith('/v1/decide'))).toHaveLength(1);
    expect(resolved).toBe(true);
    expect((global as Global).Herald?.q).toBeUndefined();
  });

  it('publishes one stub: README and the demo page carry it character for character', () => {
    for (const file of ['README.md', 'widget/demo/public/herald-stub.js']) {
      expect(readFileSync(file, 'utf8')).toContain(EMBED_STUB);
    }
  });

  it('does nothing, and throws nothing, without an embed tag', () => {
    document.head.replaceChildren();
    const stub = global.Herald;
    expect(() => boot('ui-test.js')).not.toThrow();
    expect(global.Herald).toBe(stub);
  });
});
