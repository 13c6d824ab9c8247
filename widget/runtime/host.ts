import type { DecideResponse } from '../../server/schema/decide.ts';
import type { Event } from '../../server/schema/events.ts';
import type { FeedResponse } from '../../server/schema/feed.ts';
import type { Config } from '../loader/config.ts';
import type { LocalState } from './local-state.ts';

/** An event as the surfaces describe it; the loader adds the id, the time and the user. */
export type EventInput = Pick<Event, 'type' | 'messageId' | 'name' | 'value' | 'text' | 'props'>;

/**
 * What the loader (always present, tiny) hands to the surfaces runtime (downloaded only when something
 * is to be shown): all network, storage and identity stay in the loader.
 */
export type Host = {
  /** The embed's settings: `locale` for built-in strings, `launcher`, `debug`. */
  config: Config;
  /** Queues an event for delivery and tells the page's `Herald.on` handlers. */
  record(event: EventInput): void;
  /** Remembers locally that the user closed or answered a message, by its `dismissible` rule. */
  remember: LocalState['remember'];
  /** The changelog feed for this user. */
  feed(): Promise<FeedResponse>;
};

/** What the surfaces runtime offers the loader; the lazily loaded module exports `start(host)` returning it. */
export type Surfaces = {
  /** A fresh decide answer (for this page view, already without locally closed messages). */
  update(decision: DecideResponse): void;
  /** `Herald.track(name)`: fires `event` triggers. */
  track(name: string): void;
  /** The URL changed (client-side navigation): hide what no longer belongs on this page. */
  route(): void;
  openFeed(): void;
};

/** The shape of the lazily loaded surfaces module (`widget/runtime/app.ts`). */
export type SurfacesModule = { start(host: Host): Surfaces };
