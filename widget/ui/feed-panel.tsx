import { useEffect, useRef, useState } from 'preact/hooks';
import type { Strings } from '../i18n/strings.ts';
import type { WidgetActions, WidgetView } from '../model/view.ts';
import { CloseButton } from './close-button.tsx';
import { Content } from './content.tsx';
import { onEscape } from './keys.ts';
import { useFocusIn } from './use-focus.ts';
import { useValue } from './use-value.ts';

/** Reactions offered under each post, named by `Strings.react` in the same order. */
export const REACTIONS = ['👍', '🎉', '❤️'];

type Props = { feed: WidgetView['feed']; t: Strings; a: WidgetActions; locale: string };

/** A post's date in the reader's locale; an odd locale tag must not break the panel. */
function day(iso: string, locale: string): string {
  try {
    return new Date(iso).toLocaleDateString(locale, { dateStyle: 'medium' });
  } catch {
    return '';
  }
}

/**
 * The changelog panel: a non-modal dialog named "What's new" listing the posts, newest first as given,
 * each with reactions. Unread posts on screen are reported with `feedSeen`; Escape and ✕ close it, and
 * focus goes back to the launcher.
 */
export function FeedPanel({ feed, t, a, locale }: Props) {
  const posts = useValue(feed.posts);
  const loading = useValue(feed.loading);
  const [reacted, setReacted] = useState<Record<string, string>>({});
  const ref = useRef<HTMLDivElement>(null);
  useFocusIn(ref);
  useEffect(() => {
    const unread = posts.filter((p) => !p.read).map((p) => p.id);
    if (unread.length) a.feedSeen(unread);
  }, [posts]);

  return (
    <div
      ref={ref}
      class="c fp"
      role="dialog"
      aria-label={t.feed}
      tabIndex={-1}
      onKeyDown={onEscape(() => a.closeFeed())}
    >
      <header>
        <h2>{t.feed}</h2>
        <CloseButton label={t.close} onClick={() => a.closeFeed()} />
      </header>
      {posts.length ? (
        <ul class="ps">
          {posts.map((p) => (
            <li key={p.id} class={p.read ? undefined : 'n'} lang={p.locale} dir={p.rtl ? 'rtl' : 'ltr'}>
              <h3>{p.content.title}</h3>
              <time dateTime={p.publishedAt}>{day(p.publishedAt, locale)}</time>
              <Content blocks={p.content.body} />
              {p.content.cta && (
                <button type="button" class="cta" onClick={() => a.click(p.id, p.content.cta?.url)}>
                  {p.content.cta.label}
                </button>
              )}
              <div class="rx">
                {REACTIONS.map((emoji, i) => (
                  <button
                    key={emoji}
                    type="button"
                    aria-label={t.react[i]}
                    aria-pressed={reacted[p.id] === emoji}
                    onClick={() => {
                      if (reacted[p.id] === emoji) return;
                      setReacted({ ...reacted, [p.id]: emoji });
                      a.react(p.id, emoji);
                    }}
                  >
                    {emoji}
                  </button>
                ))}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p class="em" aria-busy={loading}>
          {loading ? t.loading : t.empty}
        </p>
      )}
    </div>
  );
}
