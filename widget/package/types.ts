/**
 * The npm package's public types, written out in plain TypeScript so that its `.d.ts` files stand alone
 * (no zod, no server code). `index.ts` checks at compile time that they match the widget's own.
 */

/** Where the widget's server is and which site this is; the options the script tag reads from `data-*`. */
export type HeraldOptions = {
  /** The site's public key, `pk_…`. */
  site: string;
  /** The Herald server's origin, e.g. `https://herald.example.com` (the API is under `/v1/`). */
  api: string;
  /** The language of built-in strings and content; the browser's by default. */
  locale?: string;
  /** Diagnostics in the console. */
  debug?: boolean;
  /** `false` hides the feed launcher button (the app calls `openFeed()` itself). */
  launcher?: boolean;
};

/** Traits that audiences match, e.g. `{ city: 'Austin', plan: 'pro' }`. */
export type Traits = Record<string, unknown>;

/** The events `on` can listen to. */
export type HeraldEventName = 'ready' | 'show' | 'dismiss' | 'response';

/** An event the widget recorded, as `on('show' | 'dismiss' | 'response', handler)` hands it over. */
export type HeraldEvent = {
  id: string;
  type: 'impression' | 'click' | 'dismiss' | 'response' | 'goal' | 'track';
  messageId?: string;
  name?: string;
  value?: number;
  text?: string;
  props?: Record<string, string | number | boolean | null>;
  at: string;
  user: { id?: string; anonymousId?: string };
};
