import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DecideResponse } from '../../server/schema/decide.ts';
import type { Event } from '../../server/schema/events.ts';
import type { Host, Surfaces } from '../runtime/host.ts';
import { message } from '../ui/test-kit.ts';
import type { Config } from './config.ts';
import { createHerald, DECIDE_RETRY_MS } from './herald.ts';

const config: Config = {
  site: 'pk_demo',
  api: 'https://herald.test',
  chunks: 'https://herald.test/widget/',
  locale: 'en-US',
  debug: false,
  launcher: true,
};

type Call = {
  url: string;
  body: { user?: Record<string, unknown>; context?: { url?: string }; events?: Event[] };
};

/** A stub of the network: answers decide with `decision`, events with 200; records every request. */
function network(decision: Partial<DecideResponse> = {}) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, body: JSON.parse(String(init.body)) });
    const body = url.endsWith('/v1/decide') ? { messages: [], releases: {}, ...decision } : { accepted: 1 };
    return new Response(JSON.stringify(body), { status: 200 });
  });
  vi.stubGlobal('fetch', fetch);
  return { calls, decides: () => calls.filter((c) => c.url.endsWith('/v1/decide')) };
}

/** A surfaces module whose `start` captures the host and spies on what the loader tells it. */
function surfaces() {
  const ui = {
    host: undefined as Host | undefined,
    update: vi.fn(),
    track: vi.fn(),
    route: vi.fn(),
    openFeed: vi.fn(),
  };
  const load = vi.fn(async () => ({
    start: (host: Host): Surfaces => {
      ui.host = host;
      return ui;
    },
  }));
  return { ui, load };
}

describe('createHerald', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    localStorage.clear();
    history.replaceState(null, '', '/demo/');
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('asks decide once for calls made together, with the identity, URL and locale', async () => {
    const net = network();
    const { api } = createHerald(config, surfaces().load);
    api.identify('u_austin_1', { city: 'Austin' });
    api.page();
    await vi.advanceTimersByTimeAsync(0);
    expect(net.decides()).toHaveLength(1);
    expect(net.decides()[0]?.body).toEqual({
      site: 'pk_demo',
      user: { id: 'u_austin_1', traits: { city: 'Austin' }, anonymousId: expect.stringMatching(/^a_/) },
      context: { url: 'http://localhost:3000/demo/', locale: 'en-US' },
    });
  });

  it('downloads the surfaces only when there is something to show', async () => {
    network();
    const nothing = surfaces();
    createHerald(config, nothing.load).api.page();
    await vi.advanceTimersByTimeAsync(0);
    expect(nothing.load).not.toHaveBeenCalled();

    network({ messages: [message()] });
    const something = surfaces();
    createHerald(config, something.load).api.page();
    await vi.advanceTimersByTimeAsync(0);
    expect(something.load).toHaveBeenCalledOnce();
    expect(something.ui.update).toHaveBeenCalledWith(expect.objectContaining({ messages: [message()] }), []);
  });

  it('leaves out messages the user closed, even before the server knows', async () => {
    network({ messages: [message({ id: 'closed' }), message({ id: 'open' })] });
    const { ui, load } = surfaces();
    const { api } = createHerald(config, load);
    api.page();
    await vi.advanceTimersByTimeAsync(0);
    ui.host?.remember(message({ id: 'closed' }));
    api.page();
    await vi.advanceTimersByTimeAsync(0);
    expect(ui.update.mock.lastCall?.[0].messages.map((m: { id: string }) => m.id)).toEqual(['open']);
  });

  it('records track events with clean props and tells the surfaces', async () => {
    const net = network({ messages: [message()] });
    const { ui, load } = surfaces();
    const { api } = createHerald(config, load);
    api.page();
    await vi.advanceTimersByTimeAsync(0);
    api.track('reservation_made', { minutes: 30, nested: { no: 1 }, long: 'x'.repeat(2000) });
    await vi.advanceTimersByTimeAsync(1000);
    expect(ui.track).toHaveBeenCalledWith('reservation_made');
    const [event] = net.calls.find((c) => c.url.endsWith('/v1/events'))?.body.events ?? [];
    expect(event).toMatchObject({ type: 'track', name: 'reservation_made', props: { minutes: 30 } });
    expect(event?.props?.long).toHaveLength(1000);
    expect(event?.props).not.toHaveProperty('nested');
    expect(event?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends each event with the receipt its message was served with, and a track with the answer’s', async () => {
    const served = [message({ id: 'm_1', receipt: 'r-m1' }), message({ id: 'm_2', receipt: 'r-m2' })];
    const net = network({ messages: served, receipt: 'r-answer' });
    const { ui, load } = surfaces();
    const { api } = createHerald(config, load);
    api.page();
    await vi.advanceTimersByTimeAsync(0);
    ui.host?.record({ type: 'impression', messageId: 'm_2' });
    ui.host?.record({ type: 'response', messageId: 'm_1', value: 4 });
    api.track('reservation_made');
    await vi.advanceTimersByTimeAsync(1000);
    const events = net.calls.find((c) => c.url.endsWith('/v1/events'))?.body.events ?? [];
    expect(events.map((e) => [e.type, e.receipt])).toEqual([
      ['impression', 'r-m2'],
      ['response', 'r-m1'],
      ['track', 'r-answer'],
    ]);
  });

  it('hands the names tracked in this page view to every decide answer, until a reset or navigation', async () => {
    network({ messages: [message()] });
    const { ui, load } = surfaces();
    const herald = createHerald(config, load);
    herald.api.track('signed_up'); // before any answer, as from the embed stub's queue
    herald.api.page();
    await vi.advanceTimersByTimeAsync(0);
    expect(ui.update).toHaveBeenLastCalledWith(expect.anything(), ['signed_up']);
    herald.api.identify('u_new');
    await vi.advanceTimersByTimeAsync(0);
    expect(ui.update).toHaveBeenLastCalledWith(expect.anything(), ['signed_up']);
    herald.api.track('reservation_made');
    herald.api.reset(); // a logout: the next user did not do any of it
    await vi.advanceTimersByTimeAsync(0);
    expect(ui.update).toHaveBeenLastCalledWith(expect.anything(), []);
    herald.api.track('reservation_made');
    history.pushState(null, '', '/demo/reserve');
    herald.navigated();
    await vi.advanceTimersByTimeAsync(0);
    expect(ui.update).toHaveBeenLastCalledWith(expect.anything(), []);
  });

  it('makes ready() wait for the answer about the user named last, so isEnabled speaks for them', async () => {
    const pilot = { 'reserve-ahead': { enabled: true, phase: 'Pilot', holdout: false } };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        const austin2 = JSON.parse(String(init.body)).user?.id === 'u_austin_2';
        return new Response(JSON.stringify({ messages: [], releases: austin2 ? pilot : {} }));
      }),
    );
    const { api } = createHerald(config, surfaces().load);
    const settled = vi.fn();
    api.identify('u_austin_1');
    api.ready().then(settled);
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toHaveBeenCalledOnce();
    api.identify('u_austin_2');
    api.ready().then(settled);
    await Promise.resolve();
    expect(settled).toHaveBeenCalledOnce(); // not yet: the answer is for the previous user
    expect(api.isEnabled('reserve-ahead')).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toHaveBeenCalledTimes(2);
    expect(api.isEnabled('reserve-ahead')).toBe(true);
  });

  it('hands on() handlers to the surfaces, which tell them of shows and responses, and ready once', async () => {
    network({
      messages: [message()],
      releases: { 'reserve-ahead': { enabled: true, phase: 'Pilot', holdout: false } },
    });
    const { ui, load } = surfaces();
    const { api } = createHerald(config, load);
    const seen: string[] = [];
    api.on('ready', () => seen.push('ready'));
    api.on('show', (e) => seen.push(`show ${e?.messageId}`));
    api.on('response', (e) => seen.push(`response ${e?.value}`));
    expect(api.isEnabled('reserve-ahead')).toBe(false);
    api.page();
    await vi.advanceTimersByTimeAsync(0);
    await api.ready();
    expect(api.isEnabled('reserve-ahead')).toBe(true);
    const shown = ui.host?.record({ type: 'impression', messageId: 'msg_1' });
    expect(shown).toMatchObject({ type: 'impression', id: expect.any(String), user: expect.any(Object) });
    for (const handler of ui.host?.on.show ?? []) handler(shown);
    expect(ui.host?.on.response).toHaveLength(1);
    expect(seen).toEqual(['ready', 'show msg_1']);
  });

  it('asks decide again after a client-side navigation to another path only', async () => {
    const net = network({ messages: [message()] });
    const { ui, load } = surfaces();
    const herald = createHerald(config, load);
    herald.api.page();
    await vi.advanceTimersByTimeAsync(0);
    history.replaceState({ scroll: 1 }, '', '/demo/');
    herald.navigated();
    history.pushState(null, '', '/demo/reserve');
    herald.navigated();
    await vi.advanceTimersByTimeAsync(0);
    expect(net.decides().map((c) => new URL(String(c.body.context?.url)).pathname)).toEqual([
      '/demo/',
      '/demo/reserve',
    ]);
    expect(ui.route).toHaveBeenCalledOnce();
  });

  it('starts over on reset: no identity, a new anonymous id', async () => {
    const net = network();
    const { api } = createHerald(config, surfaces().load);
    api.identify('u_boston_1');
    await vi.advanceTimersByTimeAsync(0);
    api.reset();
    await vi.advanceTimersByTimeAsync(0);
    const [first, second] = net.decides().map((c) => c.body.user);
    expect(second?.id).toBeUndefined();
    expect(second?.anonymousId).not.toBe(first?.anonymousId);
  });

  it('never throws into the page: a failing network and a failing chunk stay inside', async () => {
    const rejections: unknown[] = [];
    const onRejection = (e: PromiseRejectionEvent) => rejections.push(e.reason);
    const onNodeRejection = (reason: unknown) => rejections.push(reason);
    addEventListener('unhandledrejection', onRejection);
    process.on('unhandledRejection', onNodeRejection);
    try {
      vi.stubGlobal(
        'fetch',
        vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
      );
      const load = vi.fn(() => Promise.reject(new Error('chunk 404')));
      const { api } = createHerald(config, load);
      api.identify(Symbol('bad') as unknown as string);
      api.page();
      api.track('reservation_made', { big: 1n });
      api.track('reservation_made');
      api.openFeed();
      api.on('ready', () => {
        throw new Error('host handler bug');
      });
      await vi.advanceTimersByTimeAsync(70_000);
      await expect(api.ready()).resolves.toBeUndefined();
      expect(load).toHaveBeenCalled();
      vi.useRealTimers();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(rejections).toEqual([]);
    } finally {
      removeEventListener('unhandledrejection', onRejection);
      process.off('unhandledRejection', onNodeRejection);
    }
  });

  describe('after a decide that failed', () => {
    /** Decide answers `failures` in turn (a status, or a rejection for no connection), then 200. */
    function flaky(...failures: (number | 'refused')[]) {
      const decides: string[] = [];
      vi.stubGlobal(
        'fetch',
        vi.fn(async (url: string) => {
          if (!url.endsWith('/v1/decide')) return new Response('{"accepted":1}', { status: 200 });
          const next = failures.shift();
          decides.push(String(next ?? 200));
          if (next === 'refused') throw new TypeError('Failed to fetch');
          if (next !== undefined) return new Response('{}', { status: next });
          return new Response(JSON.stringify({ messages: [message()], releases: {} }), { status: 200 });
        }),
      );
      return decides;
    }
    const longest = DECIDE_RETRY_MS.reduce((a, b) => a + b, 0);

    it.each([['refused' as const], [500], [503], [429]])(
      'asks again in the same page view after %s and shows what the answer brings',
      async (failure) => {
        const decides = flaky(failure);
        const { ui, load } = surfaces();
        const { api } = createHerald(config, load);
        api.page();
        await vi.advanceTimersByTimeAsync(0);
        await expect(api.ready()).resolves.toBeUndefined();
        expect(ui.update).not.toHaveBeenCalled();
        await vi.advanceTimersByTimeAsync(DECIDE_RETRY_MS[0] ?? 0);
        expect(decides).toEqual([String(failure), '200']);
        expect(ui.update).toHaveBeenCalledTimes(1);
      },
    );

    it('gives up after its few retries until the next page view', async () => {
      const decides = flaky(...Array<'refused'>(10).fill('refused'));
      const { api } = createHerald(config, surfaces().load);
      api.page();
      await vi.advanceTimersByTimeAsync(longest * 3);
      expect(decides).toHaveLength(1 + DECIDE_RETRY_MS.length);
      api.page();
      await vi.advanceTimersByTimeAsync(0);
      expect(decides).toHaveLength(2 + DECIDE_RETRY_MS.length);
    });

    it.each([[400], [403], [404]])(
      'does not ask again after %s, which asking again cannot cure',
      async (status) => {
        const decides = flaky(status);
        const { api } = createHerald(config, surfaces().load);
        api.page();
        await vi.advanceTimersByTimeAsync(longest * 2);
        expect(decides).toEqual([String(status)]);
      },
    );

    it('drops its retry when a newer page view asks first', async () => {
      const decides = flaky('refused');
      const { api } = createHerald(config, surfaces().load);
      api.page();
      await vi.advanceTimersByTimeAsync(0);
      api.page();
      await vi.advanceTimersByTimeAsync(longest * 2);
      expect(decides).toEqual(['refused', '200']);
    });
  });

  describe('after the surfaces failed to download', () => {
    it('downloads them again with a retry in the same page view, and gives up after its few', async () => {
      network({ messages: [message()] });
      const ui = { update: vi.fn(), track: vi.fn(), route: vi.fn(), openFeed: vi.fn() };
      let fails = 1;
      const load = vi.fn(async () => {
        if (fails-- > 0) throw new TypeError('Failed to fetch dynamically imported module');
        return { start: (): Surfaces => ui };
      });
      const { api } = createHerald(config, load);
      api.page();
      await vi.advanceTimersByTimeAsync(0);
      expect(ui.update).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(DECIDE_RETRY_MS[0] ?? 0);
      expect(load).toHaveBeenCalledTimes(2);
      expect(ui.update).toHaveBeenCalledTimes(1);

      // Never available: a few tries, then quiet until the next page view.
      fails = 100;
      const again = createHerald(config, load);
      load.mockClear();
      again.api.page();
      await vi.advanceTimersByTimeAsync(DECIDE_RETRY_MS.reduce((a, b) => a + b, 0) * 3);
      expect(load).toHaveBeenCalledTimes(1 + DECIDE_RETRY_MS.length);
    });
  });
});
