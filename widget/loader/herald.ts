import type { DecideResponse } from '../../server/schema/decide.ts';
import type { Event } from '../../server/schema/events.ts';
import type { ApiClient } from '../runtime/api-client.ts';
import type { EventQueue } from '../runtime/event-queue.ts';
import type { Host, Surfaces, SurfacesModule } from '../runtime/host.ts';
import { uuid } from '../runtime/ids.ts';
import type { LocalState } from '../runtime/local-state.ts';
import { guard, log } from '../runtime/log.ts';
import type { Config } from './config.ts';

export type HeraldEventName = 'ready' | 'show' | 'dismiss' | 'response';
type Traits = Record<string, unknown>;

/** `window.Herald` once the widget has loaded (DESIGN, Widget). Every method returns normally, always. */
export type HeraldApi = {
  /** Who the user is; `token`, a JWT signed by the product's backend, is trusted over `traits`. */
  identify(id: string, traits?: Traits, options?: { token?: string }): void;
  /** Records a `track` event and fires messages triggered by this name. */
  track(name: string, props?: Record<string, unknown>): void;
  /** A page view the widget cannot see by itself: asks decide again. */
  page(): void;
  /** Logout: a new anonymous id, no identity, nothing remembered locally. */
  reset(): void;
  openFeed(): void;
  /** Whether the release is on for this user, from the last decide answer (false before it). */
  isEnabled(releaseKey: string): boolean;
  /** Resolves once the first decide answer (or its failure) is in; never rejects. */
  ready(): Promise<void>;
  /** `ready` (at once if already), and `show`, `dismiss`, `response` with the recorded event. */
  on(event: HeraldEventName, handler: (event?: Event) => void): void;
};

export type HeraldDeps = {
  config: Config;
  api: ApiClient;
  queue: EventQueue;
  state: LocalState;
  /** Imports the surfaces chunk; an argument so that tests need no bundle. */
  load(): Promise<SurfacesModule>;
};

const EMITS: Partial<Record<Event['type'], HeraldEventName>> = {
  impression: 'show',
  dismiss: 'dismiss',
  response: 'response',
};

/** Props as the events schema takes them (short keys, primitive values), so one bad call cannot sink a batch. */
const cleanProps = (props: unknown) =>
  props && typeof props === 'object'
    ? Object.fromEntries(
        Object.entries(props)
          .filter(([k, v]) => k.length <= 100 && (v === null || /^[sbn]/.test(typeof v)))
          .map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 1000) : v]),
      )
    : undefined;

/**
 * The widget's session in this page: identity, one decide per page view (the latest answer wins), the
 * surfaces chunk loaded only when something is to be shown, and the public API. `navigated` is for the
 * navigation watcher: it asks decide again when the path changed.
 */
export function createHerald({ config, api, queue, state, load }: HeraldDeps): {
  api: HeraldApi;
  navigated(): void;
} {
  let user: { id?: string; traits: Traits; token?: string } = { traits: {} };
  let decision: DecideResponse | undefined;
  let surfaces: Promise<Surfaces> | undefined;
  let path: string | undefined;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let isReady = false;
  let markReady = () => {};
  const readyPromise = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const handlers: Partial<Record<HeraldEventName, ((event?: Event) => void)[]>> = {};

  const emit = (name: HeraldEventName, event?: Event) => {
    for (const handler of handlers[name] ?? []) guard(handler)(event);
  };
  const ready = () => {
    if (!isReady) emit('ready');
    isReady = true;
    markReady();
  };
  const request = () => ({
    site: config.site,
    user: { ...user, anonymousId: state.anonymousId() },
    context: { url: location.href, locale: config.locale },
  });
  const host: Host = {
    locale: config.locale,
    launcher: config.launcher,
    record(input) {
      const user_ = { id: user.id, anonymousId: state.anonymousId() };
      const event = { ...input, id: uuid(), at: new Date().toISOString(), user: user_ } as Event;
      queue.add(event);
      const name = EMITS[event.type];
      if (name) emit(name, event);
    },
    remember: (m) => state.remember(m.id, m.dismissible === 'forever'),
    feed: () => api.feed(request()),
  };
  const ui = () =>
    (surfaces ??= load().then(
      (m) => m.start(host),
      (e) => {
        surfaces = undefined; // a later page view tries again
        throw e;
      },
    ));

  async function decide() {
    const n = ++seq;
    path = location.pathname;
    try {
      const res = await api.decide(request());
      if (n !== seq) return; // a newer request (identify, navigation) is on its way
      res.messages = res.messages.filter((m) => !state.isDone(m.id));
      decision = res;
      ready();
      if (surfaces || res.messages.length || (config.launcher && res.feedUnread !== undefined)) {
        (await ui()).update(res);
      }
    } catch (e) {
      log(e);
    }
    ready();
  }
  const refresh = () => {
    clearTimeout(timer);
    // Calls made in one go (the stub's queue: identify, then page) become one request.
    timer = setTimeout(() => decide().catch(log));
  };

  const herald: HeraldApi = {
    identify(id, traits, options) {
      user = { id: String(id), traits: traits && typeof traits === 'object' ? traits : {}, token: options?.token };
      refresh();
    },
    track(name, props) {
      host.record({ type: 'track', name: String(name).slice(0, 200), props: cleanProps(props) });
      surfaces?.then((s) => s.track(name)).catch(log);
    },
    page: refresh,
    reset() {
      state.reset();
      user = { traits: {} };
      refresh();
    },
    openFeed() {
      ui()
        .then((s) => s.openFeed())
        .catch(log);
    },
    isEnabled: (key) => decision?.releases[key]?.enabled === true,
    ready: () => readyPromise,
    on(name, handler) {
      (handlers[name] ??= []).push(handler);
      if (name === 'ready' && isReady) guard(handler)();
    },
  };
  for (const key of Object.keys(herald) as (keyof HeraldApi)[]) {
    (herald as Record<string, unknown>)[key] = guard(herald[key] as (...args: unknown[]) => unknown);
  }

  return {
    api: herald,
    navigated() {
      if (location.pathname === path) return;
      surfaces?.then((s) => s.route()).catch(log);
      refresh();
    },
  };
}
