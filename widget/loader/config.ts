/** The embed's settings, read from its `<script data-site>` tag. */
export type Config = {
  /** The site's public key (`data-site`). */
  site: string;
  /** API base for `/v1/*`: `data-api`, else the origin the script came from. */
  api: string;
  /** Where the lazily loaded chunks live: `widget/` beside the script. */
  chunks: string;
  /** `data-locale`, else the browser's language. */
  locale: string;
  /** `data-debug`: diagnostics in the console. */
  debug: boolean;
  /** `data-launcher="off"` hides the feed launcher button (the page calls `Herald.openFeed()` itself). */
  launcher: boolean;
};

/**
 * Finds the embed's script tag — `document.currentScript` while the loader runs, else the first
 * `script[data-site]` — and reads its settings; undefined when there is none (nothing to do).
 */
export function readConfig(doc: Document): Config | undefined {
  const own = doc.currentScript as HTMLScriptElement | null;
  const script = own?.dataset.site ? own : doc.querySelector<HTMLScriptElement>('script[data-site]');
  const data = script?.dataset;
  if (!data?.site) return undefined;
  const chunks = new URL('widget/', (script as HTMLScriptElement).src);
  return {
    site: data.site,
    api: (data.api || chunks.origin).replace(/\/+$/, ''),
    chunks: chunks.href,
    locale: data.locale || navigator.language,
    debug: 'debug' in data,
    launcher: data.launcher !== 'off',
  };
}
