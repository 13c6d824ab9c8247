import type { ReadonlySignal } from '@preact/signals-core';
import type { ShownMessage } from '../../server/schema/decide.ts';
import type { FeedPost } from '../../server/schema/feed.ts';

/** The site's look, applied as CSS variables on the shadow host. */
export type WidgetTheme = { brandColor: string; radius: number; font: string };

/** What the user did with a surface; the runtime turns each into an event and local state. */
export type WidgetActions = {
  /** The surface became visible: records an impression (once per showing). */
  shown(messageId: string): void;
  /** Closed by the user (close button, Escape, backdrop). */
  dismiss(messageId: string): void;
  /** The call to action was used; the runtime navigates to `url` after recording the click. */
  click(messageId: string, url?: string): void;
  /** A survey answer: the rating value, then optionally the follow-up text (sent as a second response). */
  respond(messageId: string, value: number | undefined, text?: string): void;
  openFeed(): void;
  closeFeed(): void;
  /** Feed posts that were on screen: marks them read (impressions). */
  feedSeen(postIds: string[]): void;
  react(postId: string, emoji: string): void;
};

/**
 * The seam between the widget runtime (loader, API client, queue, triggers — `widget/runtime`) and the
 * surfaces (Preact components — `widget/ui`). The runtime owns these signals (`@preact/signals-core`); the
 * UI only reads them and calls actions. Each signal changes only when something on screen must change. The
 * admin's preview passes `@preact/signals` signals, which are the same class.
 */
export type WidgetView = {
  /**
   * The one interrupting message on screen now (modal, slide-out or survey), by priority. (A banner put
   * here is drawn as a banner too, which the admin preview relies on; the runtime puts banners in `banners`.)
   */
  current: ReadonlySignal<ShownMessage | null>;
  /**
   * Banners on screen now, at most one per edge (top, bottom). They do not interrupt (as on the server,
   * `isInterrupting`), so they show alongside `current` rather than taking its place.
   */
  banners: ReadonlySignal<ShownMessage[]>;
  /** Tooltips whose anchor element is on the page now, with that element. */
  tooltips: ReadonlySignal<{ message: ShownMessage; anchor: Element }[]>;
  feed: {
    /** The launcher button is shown (site has feed posts and the page did not opt out). */
    launcher: ReadonlySignal<boolean>;
    open: ReadonlySignal<boolean>;
    loading: ReadonlySignal<boolean>;
    posts: ReadonlySignal<FeedPost[]>;
    unread: ReadonlySignal<number>;
    /** The site's public changelog, to follow by email or RSS (the server's `subscribeUrl`), if it has one. */
    follow?: ReadonlySignal<string | undefined>;
  };
  /** Locale for built-in strings (close, thank you…) and whether to lay out right-to-left. */
  locale: ReadonlySignal<string>;
  theme: ReadonlySignal<WidgetTheme | null>;
  actions: WidgetActions;
};
