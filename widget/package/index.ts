import type { Config } from '../loader/config.ts';
import type { HeraldApi } from '../loader/herald.ts';
import { type Session, startHerald } from '../loader/start.ts';
import type { QueuedCall } from '../loader/stub.ts';
import type { HeraldEvent, HeraldEventName, HeraldOptions, Traits } from './types.ts';

export type { HeraldEvent, HeraldEventName, HeraldOptions, Traits } from './types.ts';

let session: Session | undefined;
const queued: QueuedCall[] = [];
/** Those following the decisions (`subscribe`), told by the session once there is one. */
const listeners = new Set<() => void>();

// The public types must describe the widget's real API: this fails to compile when they drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
// biome-ignore lint/correctness/noUnusedVariables: a compile-time check, used by being compiled
type TypesMatch = [
  Holds<Same<Parameters<HeraldApi['on']>[1], (event?: HeraldEvent) => void>>,
  Holds<Same<Parameters<HeraldApi['identify']>[1], Traits | undefined>>,
  Holds<Same<Parameters<HeraldApi['identify']>[2], Parameters<typeof identify>[2]>>,
  Holds<Same<Parameters<HeraldApi['on']>[0], HeraldEventName>>,
];

/** Before `init`: queue the call, as the embed stub does. */
const later =
  <K extends keyof HeraldApi>(name: K) =>
  (...args: Parameters<HeraldApi[K]>): void => {
    if (session) (session.api[name] as (...a: unknown[]) => unknown)(...args);
    else queued.push([name, args]);
  };

/**
 * Herald for apps that import it instead of embedding the script tag: the same loader and runtime,
 * configured by `init(options)` instead of `data-*`. Importing this module does nothing — no global,
 * no listener, no request — until `init`. Calls made before it are queued and replayed in order, as the
 * embed stub does; `isEnabled` answers false and `ready()` waits until the first decision is in.
 *
 * @example
 * import { init, identify, isEnabled, ready } from 'herald-widget';
 * init({ site: 'pk_…', api: 'https://herald.example.com' });
 * identify('u_42', { city: 'Austin' });
 * await ready();
 * if (isEnabled('reserve-ahead')) showReserveButton();
 *
 * `init` starts the widget once (later calls are ignored): replays what was called before, asks what
 * this user should see on this page, and follows the app's client-side navigation.
 */
export function init(options: HeraldOptions): void {
  if (session) return;
  const config: Config = {
    site: options.site,
    api: options.api.replace(/\/+$/, ''),
    // The surfaces are this package's own lazy chunk, found by the app's bundler, not a URL.
    chunks: '',
    locale: options.locale || navigator.language,
    debug: !!options.debug,
    launcher: options.launcher !== false,
  };
  session = startHerald(config, () => import('../runtime/app.ts'), queued.splice(0));
  session.subscribe(() => {
    for (const listener of listeners) listener();
  });
}

/** Who the user is; `token`, a JWT signed by the product's backend, is trusted over `traits`. */
export const identify: (id: string, traits?: Traits, options?: { token?: string; test?: boolean }) => void =
  later('identify');
/** Records a `track` event (a release's goal counts them) and fires messages triggered by this name. */
export const track: (name: string, props?: Record<string, unknown>) => void = later('track');
/** A page view the widget cannot see by itself: asks again what to show. */
export const page: () => void = later('page');
/** Logout: a new anonymous id, no identity, nothing remembered locally. */
export const reset: () => void = later('reset');
/** Opens the changelog feed. */
export const openFeed: () => void = later('openFeed');
/** `ready` (once the decision is in), and `show`, `dismiss`, `response` with the recorded event. */
export const on: (event: HeraldEventName, handler: (event?: HeraldEvent) => void) => void = later('on');

/** Whether the release is on for this user, from the latest decision; false before `init` and until then. */
export function isEnabled(releaseKey: string): boolean {
  return session ? session.api.isEnabled(releaseKey) : false;
}

/** Resolves once the decision for the current user and page is in (after `init`); never rejects. */
export function ready(): Promise<void> {
  return session ? session.api.ready() : new Promise((resolve) => queued.push(['on', ['ready', resolve]]));
}

/**
 * Calls `listener` after every new decision (an `identify`, a navigation), for state libraries: the React
 * hook `useRelease` is built on it. Returns the unsubscribe. Works before `init` too.
 */
export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
