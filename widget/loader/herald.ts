import type { DecideResponse } from '../../server/schema/decide.ts';
import type { Event } from '../../server/schema/events.ts';
import { createApiClient } from '../runtime/api-client.ts';
import { createEventQueue } from '../runtime/event-queue.ts';
import type { Host, Surfaces, SurfacesModule } from '../runtime/host.ts';
import { uuid } from '../runtime/ids.ts';
import { createLocalState } from '../runtime/local-state.ts';
import { guard, log } from '../runtime/log.ts';
import { idbPersist } from '../runtime/persist.ts';
import type { Config } from './config.ts';

export type HeraldEventName = 'ready' | 'show' | 'dismiss' | 'response';
type Traits = Record<string, unknown>;

/**
 * `token`: a JWT signed by the product's backend, trusted over traits. `test`: ask for test mode (also
 * `herald_test=1` in the page's URL); the server grants it to the site's test users only.
 */
export type IdentifyOptions = { token?: string; test?: boolean };

/** `window.Herald` once the widget has loaded (DESIGN, Widget). Every method returns normally, always. */
export type HeraldApi = {
  /** Who the user is; `token`, a JWT signed by the product's backend, is trusted over `traits`. */
  identify(id: string, traits?: Traits, options?: IdentifyOptions): void;
  /**
   * Records a `track` event and fires messages triggered by this name, also when they are not known yet:
   * the names tracked in this page view are handed to every decide answer (see `Surfaces.update`).
   */
  track(name: string, props?: Record<string, unknown>): void;
  /** A page view the widget cannot see by itself: asks decide again. */
  page(): void;
  /** Logout: a new anonymous id, no identity, nothing remembered locally. */
  reset(): void;
  openFeed(): void;
  /** Whether the release is on for this user, from the last decide answer (false before it). */
  isEnabled(releaseKey: string): boolean;
  /**
   * Resolves once the decide answer for the current user and page (or its failure) is in, so that
   * `isEnabled` speaks for them: after `identify`, `reset` or a navigation, the next answer. Never rejects.
   */
  ready(): Promise<void>;
  /** `ready` (once: when `ready()` resolves), and `show`, `dismiss`, `response` with the recorded event. */
  on(event: HeraldEventName, handler: (event?: Event) => void): void;
};

/**
 * Props as the events schema takes them — flat values, strings up to 1,000 characters — so that one
 * careless `track` call cannot get a whole batch of events rejected. (A BigInt makes `track` a no-op.)
 */
/**
 * The waits before asking decide again, in the same page view, after it failed for a passing reason (see
 * `passing`): a page opened during an outage shows its messages once the server is back, without a reload.
 * After the last one the widget waits for the next page view. Each wait is jittered (half to all of it), so
 * that pages opened together do not all come back at once.
 */
export const DECIDE_RETRY_MS = [15_000, 60_000];

/**
 * A failure that asking later can cure: no answer at all (a rejection, or 0 while the client keeps quiet as
 * a `Retry-After` asked), or 5xx, 408, 429; not the request's own 4xx.
 */
const passing = (e: unknown) => typeof e !== 'number' || e < 1 || e >= 500 || e === 408 || e === 429;

const cleanProps = (props: unknown) =>
  props &&
  JSON.parse(
    JSON.stringify(props, (key, v) =>
      key && v && typeof v === 'object' ? undefined : typeof v === 'string' ? v.slice(0, 1000) : v,
    ),
  );

/**
 * The widget's session in this page: identity, one decide per page view (the latest answer wins), the
 * event queue with its page-lifecycle flushes, the surfaces chunk loaded (by `load`, an argument so that
 * tests need no bundle) only when something is to be shown, and the public API. `navigated` is for the
 * navigation watcher: it asks decide again when the path changed.
 */
export function createHerald(
  config: Config,
  load: () => Promise<SurfacesModule>,
): { api: HeraldApi; navigated(): void; subscribe(listener: () => void): () => void } {
  const api = createApiClient(config.api, config.site);
  const queue = createEventQueue(api, idbPersist(config.site));
  const state = createLocalState();
  const flush = guard(queue.beacon);
  addEventListener('pagehide', flush);
  // visibilitychange bubbles from the document to the window.
  addEventListener('visibilitychange', () => document.hidden && flush());
  addEventListener('online', queue.flush);

  // Traits left out are `{}` on the server (the schema's default).
  let user: { id?: string; traits?: Traits } & IdentifyOptions = {};
  let decision: DecideResponse | undefined;
  let surfaces: Promise<Surfaces> | undefined;
  let path: string | undefined;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Decide retries used since the last answer (see `DECIDE_RETRY_MS`). */
  let retries = 0;
  /**
   * Names passed to `track` since this page view began (or `reset`): event triggers may come in a later
   * answer, as for a `track` from the embed stub's queue.
   */
  let tracked: string[] = [];
  /** Resolves `readyPromise`, the answer `ready()` waits for: the latest decide's. */
  let ready: (latest?: Promise<void>) => void;
  let readyPromise = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const handlers: Partial<Record<HeraldEventName, ((event?: Event) => void)[]>> = {};
  /**
   * The receipt each message (or feed post) was served with, and under `''` the decide answer's own: the
   * server counts an event only with the receipt of its message (a `track`, the answer's). Events carry
   * theirs into the queue, so one sent after a reload still has it.
   */
  const receipts: Record<string, string | undefined> = {};
  const keep = (served: { id: string; receipt?: string | undefined }[]) => {
    for (const m of served) receipts[m.id] = m.receipt;
  };
  /** Told of every new decide answer (`subscribe`): what `isEnabled` says may have changed. */
  const listeners = new Set<() => void>();

  const request = () => ({
    site: config.site,
    user: { ...user, anonymousId: state.anonymousId() },
    context: { url: location.href, locale: config.locale },
  });
  const host: Host = {
    config,
    record(input) {
      const event = {
        ...input,
        id: uuid(),
        at: new Date().toISOString(),
        user: { id: user.id, anonymousId: state.anonymousId() },
        receipt: receipts[input.messageId ?? ''],
      } as Event;
      queue.add(event);
      return event;
    },
    on: handlers,
    remember: state.remember,
    feed: () =>
      api.feed(request()).then((res) => {
        keep(res.posts);
        return res;
      }),
    log,
    guard,
  };
  // A download that failed (the server was away) is not remembered: the next answer tries again.
  const ui = () =>
    (surfaces ??= load()
      .then((m) => m.start(host))
      .catch((e) => {
        surfaces = undefined;
        throw e;
      }));

  async function decide() {
    const n = ++seq;
    path = location.pathname;
    try {
      const res = await api.decide(request());
      if (n !== seq) return; // a newer request (identify, navigation) is on its way
      keep([...res.messages, { id: '', receipt: res.receipt }]);
      res.messages = res.messages.filter((m) => !state.isDone(m.id));
      decision = res;
      ready();
      for (const listener of listeners) guard(listener)();
      if (surfaces || res.messages.length || (config.launcher && res.feedUnread !== undefined)) {
        (await ui()).update(res, tracked);
      }
      // Only a whole success (answer and surfaces) earns the retries back: surfaces that keep failing to
      // download after good answers must not loop.
      retries = 0;
    } catch (e) {
      // The answer or the surfaces did not come: ask again later, unless a newer decide is on its way
      // (`refresh` also cancels this one) or the retries are spent.
      const wait = DECIDE_RETRY_MS[retries];
      if (n === seq && wait !== undefined && passing(e)) {
        retries++;
        timer = setTimeout(() => decide().catch(log), wait * (0.5 + Math.random() / 2));
      }
      throw e;
    } finally {
      // Failed or not, the page may go on; but a superseded answer is not the one `ready` promises.
      if (n === seq) ready();
    }
  }
  const refresh = () => {
    clearTimeout(timer);
    retries = 0;
    // What `ready()` promises from now on is this request's answer; what it promised before follows it.
    const before = ready;
    readyPromise = new Promise((resolve) => {
      ready = resolve;
    });
    before(readyPromise);
    // Calls made in one go (the stub's queue: identify, then page) become one request.
    timer = setTimeout(() => decide().catch(log));
  };

  const herald: HeraldApi = {
    identify(id, traits, options) {
      user = { id: String(id), traits, ...options };
      refresh();
    },
    track(input, props) {
      const name = String(input);
      tracked.push(name);
      host.record({ type: 'track', name, props: cleanProps(props) });
      surfaces?.then((s) => s.track(name)).catch(log);
    },
    page: refresh,
    reset() {
      state.reset();
      user = {};
      // What the previous user did does not trigger messages for the next one.
      tracked = [];
      refresh();
    },
    openFeed() {
      ui()
        .then((s) => s.openFeed())
        .catch(log);
    },
    isEnabled: (key) => !!decision?.releases[key]?.enabled,
    ready: () => readyPromise,
    on(name, handler) {
      if (name === 'ready') readyPromise.then(() => guard(handler)());
      else handlers[name] = [...(handlers[name] ?? []), handler];
    },
  };
  for (const key of Object.keys(herald) as (keyof HeraldApi)[]) {
    (herald as Record<string, unknown>)[key] = guard(herald[key] as (...args: unknown[]) => unknown);
  }

  return {
    api: herald,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    navigated() {
      if (location.pathname === path) return;
      tracked = [];
      surfaces?.then((s) => s.route()).catch(log);
      refresh();
    },
  };
}
