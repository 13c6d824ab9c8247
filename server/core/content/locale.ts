/**
 * Which of a message's locales a user sees, and which way it reads. The user's locale comes from the
 * product page (`context.locale`), a message has content in a few locales, and the nearest one wins.
 */

/**
 * The locale to show from those a message has: the requested one (case-insensitive), else the closest of the
 * same language (`de-AT` → `de`, `de` → `de-DE`, `zh-Hant-TW` → `zh-Hant` before `zh-Hans`), else the
 * message's default locale (`fallback`), else the first available. Returns `fallback` when nothing is
 * available, so the caller always gets a string.
 *
 * Among same-language candidates the one sharing the most leading subtags wins; on a tie the more general
 * (shorter) tag, then the message's own order — a bare `de` is the author's "any German".
 *
 * @example chooseLocale(['en', 'de'], 'de-AT', 'en') // 'de'
 */
export function chooseLocale(available: string[], requested: string | undefined, fallback: string): string {
  const wanted = subtags(requested ?? '');
  let best: string | undefined;
  let bestScore = 0;
  for (const locale of available) {
    const have = subtags(locale);
    const score = sharedPrefix(wanted, have);
    if (score > 0 && score === wanted.length && score === have.length) return locale;
    const tieButShorter = score > 0 && score === bestScore && locale.length < (best?.length ?? 0);
    if (score > bestScore || tieButShorter) {
      best = locale;
      bestScore = score;
    }
  }
  if (best !== undefined) return best;
  const lowerFallback = fallback.toLowerCase();
  return available.find((l) => l.toLowerCase() === lowerFallback) ?? available[0] ?? fallback;
}

/** Lowercased subtags of a BCP 47 tag; `_` is accepted as a separator since some platforms send `de_AT`. */
function subtags(tag: string): string[] {
  return tag.trim().toLowerCase().split(/[-_]/).filter(Boolean);
}

function sharedPrefix(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Languages written right to left unless a script subtag says otherwise. */
const RTL_LANGUAGES = new Set(
  'ar arc azb ckb dv fa he iw ji khw ks lrc mzn nqo pnb prs ps sd syr ug ur yi'.split(' '),
);
/** Right-to-left scripts (ISO 15924), lowercased: `ku-Arab`, `pa-Arab`, `az-Arab` read right to left. */
const RTL_SCRIPTS = new Set('adlm arab aran hebr mand nkoo rohg samr syrc thaa'.split(' '));

/**
 * Whether text in this locale reads right to left, so the widget can set `dir="rtl"` on the surface.
 * A script subtag decides when present (`ku-Arab` is RTL, `sd-Deva` is not); otherwise the language does.
 *
 * @example isRtlLocale('he-IL') // true
 */
export function isRtlLocale(locale: string): boolean {
  const [language = '', ...rest] = subtags(locale);
  const script = rest.find((t) => /^[a-z]{4}$/.test(t));
  return script === undefined ? RTL_LANGUAGES.has(language) : RTL_SCRIPTS.has(script);
}
