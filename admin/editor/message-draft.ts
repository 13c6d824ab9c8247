import type { Message, MessageInput, MessageKind } from '../../server/schema/message.ts';

/** A new message as the form starts it: an announcement in a modal, for everyone, until dismissed. */
export function blankMessage(locale = 'en'): MessageInput {
  return {
    kind: 'announcement',
    name: '',
    display: { style: 'modal' },
    content: { [locale]: { title: '', body: '' } },
    audience: {},
    pages: { include: [], exclude: [] },
    trigger: { on: 'load', delayMs: 0 },
    frequency: { mode: 'untilDismissed' },
    schedule: { start: null, end: null },
    rollout: { percent: 100 },
    releaseId: null,
    priority: 0,
    feed: false,
  };
}

/** The author-editable part of a stored message. */
export function inputOf(m: Message): MessageInput {
  const { kind, name, display, content, defaultLocale, survey, audience, pages, trigger, frequency } = m;
  const { schedule, rollout, releaseId, priority, feed } = m;
  return {
    kind,
    name,
    display,
    content,
    ...(defaultLocale ? { defaultLocale } : {}),
    ...(survey ? { survey } : {}),
    audience,
    pages,
    trigger,
    frequency,
    schedule,
    rollout,
    releaseId,
    priority,
    feed,
  };
}

/**
 * The draft with another kind, its display and survey made to suit it: a tooltip is anchored, the others
 * have a style; only a survey has a scale (a survey shows as a slide-out card by default).
 */
export function withKind(d: MessageInput, kind: MessageKind): MessageInput {
  const anchored = 'anchor' in d.display;
  let display = d.display;
  if (kind === 'tooltip' && !anchored) display = { anchor: '', placement: 'bottom' };
  if (kind !== 'tooltip' && anchored) display = { style: kind === 'survey' ? 'slideout' : 'modal' };
  const { survey, ...rest } = d;
  return {
    ...rest,
    kind,
    display,
    ...(kind === 'survey' ? { survey: survey ?? { scale: 'stars5', followUp: false } } : {}),
  };
}

/**
 * What is sent on save: a call to action with neither label nor URL is left out, and page patterns are
 * trimmed, blank lines dropped.
 */
export function cleanDraft(d: MessageInput): MessageInput {
  const content = Object.fromEntries(
    Object.entries(d.content).map(([locale, c]) => {
      const { cta, ...rest } = c;
      return [locale, cta && (cta.label || cta.url) ? { ...rest, cta } : rest];
    }),
  );
  const patterns = (list: string[]) => list.map((l) => l.trim()).filter((l) => l !== '');
  const pages = { include: patterns(d.pages.include), exclude: patterns(d.pages.exclude) };
  return { ...d, content, pages };
}

/** A BCP 47-ish tag as the server accepts for content (`en`, `pt-BR`). */
const LOCALE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

/** The draft with content for `tag`, copied from locale `from` to translate; null for a bad or existing tag. */
export function withLocale(d: MessageInput, tag: string, from: string): MessageInput | null {
  if (!LOCALE_TAG.test(tag) || d.content[tag]) return null;
  const copy = d.content[from] ?? { title: '', body: '' };
  return { ...d, content: { ...d.content, [tag]: { ...copy } } };
}

/** The draft without `tag`'s content (and not falling back to it); null when it is the last locale. */
export function withoutLocale(d: MessageInput, tag: string): MessageInput | null {
  const { [tag]: _, ...content } = d.content;
  if (Object.keys(content).length === 0) return null;
  const { defaultLocale, ...rest } = d;
  return { ...rest, content, ...(defaultLocale && defaultLocale !== tag ? { defaultLocale } : {}) };
}

/** ISO timestamp → the value of a `datetime-local` input, in the browser's time zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value → ISO timestamp with offset (UTC), or null when empty. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** JSON with object keys sorted, to compare two drafts regardless of key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
