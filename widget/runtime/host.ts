import type { DecideResponse } from '../../server/schema/decide.ts';
import type { Event } from '../../server/schema/events.ts';
import type { FeedResponse } from '../../server/schema/feed.ts';
import type { Config } from '../loader/config.ts';
import type { HeraldEventName } from '../loader/herald.ts';
import type { LocalState } from './local-state.ts';
import type { guard, log } from './log.ts';

/** An event as the surfaces describe it; the loader adds the id, the time and the user. */
export type EventInput = Pick<Event, 'type' | 'messageId' | 'name' | 'value' | 'text' | 'props'>;

/**
 * What the loader (always present, tiny) hands to the surfaces runtime (downloaded only when something
 * is to be shown): all network, storage and identity stay in the loader.
 */
export type Host = {
  /** The embed's settings: `locale` for built-in strings, `launcher`, `debug`. */
  config: Config;
  /** Queues an event for delivery; returns it as sent. */
  record(event: EventInput): Event;
  /**
   * The page's `Herald.on` handlers, by name. Every event they hear of comes from the surfaces, which
   * tell them (so that code is downloaded only with the surfaces).
   */
  on: Partial<Record<HeraldEventName, ((event?: Event) => void)[]>>;
  /** Remembers locally that the user closed or answered a message, by its `dismissible` rule. */
  remember: LocalState['remember'];
  /** The changelog feed for this user. */
  feed(): Promise<FeedResponse>;
  /** The loader's `log` and `guard` (`log.ts`), with its debug setting: the surfaces need no copy. */
  log: typeof log;
  guard: typeof guard;
};

/** What the surfaces runtime offers the loader; the lazily loaded module exports `start(host)` returning it. */
export type Surfaces = {
  /**
   * A fresh decide answer (for this page view, already without locally closed messages), with the names
   * `Herald.track` was called with in this page view so far: their `event` triggers fire now, so a
   * `track` made before the answer (from the embed stub's queue, say) is not lost.
   */
  update(decision: DecideResponse, tracked: readonly string[]): void;
  /** `Herald.track(name)` once the surfaces are there: fires `event` triggers. */
  track(name: string): void;
  /** The URL changed (client-side navigation): hide what no longer belongs on this page. */
  route(): void;
  openFeed(): void;
};

/** The shape of the lazily loaded surfaces module (`widget/runtime/app.ts`). */
export type SurfacesModule = { start(host: Host): Surfaces };
