/**
 * The widget's built-in words (buttons, labels, accessible names). Authors write message content; these
 * are the few strings around it. Complete tables only, so a locale never shows a mix of languages.
 */
const en = {
  close: 'Close',
  dismiss: 'Dismiss',
  submit: 'Submit',
  thanks: 'Thank you for your feedback!',
  feed: "What's new",
  more: 'Tell us more (optional)',
  /** A rating choice's accessible name: "4 out of 5". */
  of: '{n} out of {max}',
  up: 'Thumbs up',
  down: 'Thumbs down',
  /** emoji5, from 1 to 5. */
  emoji: ['Very unhappy', 'Unhappy', 'Neutral', 'Happy', 'Very happy'],
  /** NPS ends: 0 and 10. */
  low: 'Not likely',
  high: 'Very likely',
  unread: '{n} unread',
  /** Feed reactions, in the order of `REACTIONS`. */
  react: ['Like', 'Celebrate', 'Love'],
  loading: 'Loading…',
  empty: 'Nothing new yet',
  follow: 'Follow updates by email or RSS',
};

/** The built-in strings of one language. */
export type Strings = typeof en;

/** Loaded tables by language; a key with `undefined` means the load failed (English is used). */
const tables: Record<string, Strings | undefined> = { en };

/**
 * Other languages are data, one JSON file each (`de.json`…) with English's keys: the compiler checks each
 * against `Strings` (a missing key is a type error) and `strings.test.ts` refuses an extra one. Each is
 * a separate chunk, so a user downloads one table, not six. Taking `default` in `.then` lets the bundler
 * drop the named export Vite also makes of each key, so a chunk holds its table once.
 */
const loaders: Record<string, () => Promise<Strings>> = {
  de: () => import('./de.json').then((m) => m.default),
  fr: () => import('./fr.json').then((m) => m.default),
  es: () => import('./es.json').then((m) => m.default),
  ja: () => import('./ja.json').then((m) => m.default),
  ar: () => import('./ar.json').then((m) => m.default),
};

/** A locale's language subtag, lower-cased: what stands before its first `-` or `_` (`de-AT` → `de`). */
const language = (locale: string) => locale.toLowerCase().replace(/[-_].*/s, '');

/**
 * The strings for a BCP 47 locale, by its language, else English. Other languages than English are
 * there once `loadStrings` has resolved.
 *
 * @example await loadStrings('de-AT'); strings('de-AT').close // 'Schließen'
 */
export function strings(locale: string): Strings {
  return tables[language(locale)] ?? en;
}

/** Whether `strings(locale)` is final: its language is loaded, failed to load, or has no table. */
export function hasStrings(locale: string): boolean {
  const lang = language(locale);
  return lang in tables || !(lang in loaders);
}

/** Loads the table for a locale's language; never rejects (English stands in when it cannot load). */
export async function loadStrings(locale: string): Promise<void> {
  const lang = language(locale);
  const load = loaders[lang];
  if (load && !(lang in tables)) {
    try {
      tables[lang] = await load();
    } catch {
      tables[lang] = undefined;
    }
  }
}

/**
 * Fills `{name}` placeholders.
 *
 * @example format('{n} out of {max}', { n: 4, max: 5 }) // '4 out of 5'
 */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));
}

/**
 * Whether a locale's script runs right to left (Arabic, Hebrew, Persian, Urdu…).
 *
 * @example isRtl('ar-EG') // true
 */
export function isRtl(locale: string): boolean {
  return /^(ar|he|iw|fa|ur|ps|sd|ug|yi|ckb|dv)$/.test(language(locale));
}
