import { Component, createRef } from 'preact';
import type { FeedPost } from '../../server/schema/feed.ts';
import type { Strings } from '../i18n/strings.ts';
import type { WidgetActions, WidgetView } from '../model/view.ts';
import { CloseButton } from './close-button.tsx';
import { Content } from './content.tsx';
import panelCss from './feed-panel.css?inline';
import { focusIn } from './focus.ts';
import { onEscape } from './keys.ts';
import { adopt, sheet } from './styles.ts';
import { langOf } from './surface.ts';

/** Reactions offered under each post, named by `Strings.react` in the same order. */
export const REACTIONS = ['👍', '🎉', '❤️'];

const styles = sheet(panelCss);

type Props = { feed: WidgetView['feed']; strings: Strings; actions: WidgetActions; locale: string };

/** A post's date in the reader's locale; an odd locale tag must not break the panel. */
function day(iso: string, locale: string): string {
  try {
    return new Date(iso).toLocaleDateString(locale, { dateStyle: 'medium' });
  } catch {
    return '';
  }
}

/**
 * The changelog panel: a non-modal dialog named "What's new" listing the posts as given, each with
 * reactions. Unread posts on screen are reported with `feedSeen`; Escape and ✕ close it, and focus goes
 * back to where it was (the launcher). It never covers a slide-out card in the same corner (`clear`).
 */
export class FeedPanel extends Component<Props, { reacted: Record<string, string> }> {
  ref = createRef<HTMLDivElement>();
  restore = () => {};
  seen?: FeedPost[];
  /** The slide-out card the panel keeps clear of, and what tells it that card changed size. */
  card?: Element | null;
  sizes = new ResizeObserver(() => this.clear());
  resized = () => this.clear();

  override componentDidMount() {
    const el = this.ref.current as HTMLDivElement;
    adopt(el, styles);
    this.restore = focusIn(el);
    addEventListener('resize', this.resized);
    this.componentDidUpdate();
  }
  override componentDidUpdate() {
    this.clear();
    const posts = this.props.feed.posts.value;
    if (posts === this.seen) return;
    this.seen = posts;
    const unread = posts.filter((p) => !p.read).map((p) => p.id);
    if (unread.length) this.props.actions.feedSeen(unread);
  }
  override componentWillUnmount() {
    this.sizes.disconnect();
    removeEventListener('resize', this.resized);
    this.restore();
  }

  /**
   * Sits above the slide-out card (a survey, say) when the two would overlap: the card keeps its corner
   * (on wide screens it has moved to the other one, see `feed-panel.css`) and the panel takes the room above it.
   */
  clear() {
    const el = this.ref.current;
    if (!el) return;
    const card = (el.getRootNode() as ShadowRoot).querySelector('.slideout');
    if (card !== this.card) {
      this.sizes.disconnect();
      if (card) this.sizes.observe(card);
      this.card = card;
    }
    el.style.bottom = el.style.maxHeight = '';
    if (!card) return;
    const panel = el.getBoundingClientRect();
    const below = card.getBoundingClientRect();
    const overlap = panel.left < below.right && below.left < panel.right && panel.bottom > below.top;
    if (overlap) {
      el.style.bottom = `${innerHeight - below.top + 12}px`;
      el.style.maxHeight = `${below.top - 24}px`;
    }
  }

  react(post: string, emoji: string) {
    const reacted = this.state.reacted ?? {};
    if (reacted[post] === emoji) return;
    this.setState({ reacted: { ...reacted, [post]: emoji } });
    this.props.actions.react(post, emoji);
  }

  override render({ feed, strings, actions, locale }: Props) {
    const posts = feed.posts.value;
    const loading = feed.loading.value;
    const reacted = this.state.reacted ?? {};
    return (
      <div
        ref={this.ref}
        class="card panel"
        role="dialog"
        aria-label={strings.feed}
        tabIndex={-1}
        onKeyDown={onEscape(() => actions.closeFeed())}
      >
        <header>
          <h2>{strings.feed}</h2>
          <CloseButton label={strings.close} onClick={() => actions.closeFeed()} />
        </header>
        {posts.length ? (
          <ul class="posts">
            {posts.map((post) => {
              const { id, read, publishedAt, content: c } = post;
              return (
                <li key={id} class={read ? undefined : 'unread'} {...langOf(post)}>
                  <h3>{c.title}</h3>
                  <time dateTime={publishedAt}>{day(publishedAt, locale)}</time>
                  <Content blocks={c.body} />
                  {c.cta && (
                    <button type="button" class="cta" onClick={() => actions.click(id, c.cta?.url)}>
                      {c.cta.label}
                    </button>
                  )}
                  <div class="reactions">
                    {REACTIONS.map((emoji, i) => (
                      <button
                        key={emoji}
                        type="button"
                        aria-label={strings.react[i]}
                        aria-pressed={reacted[id] === emoji}
                        onClick={() => this.react(id, emoji)}
                      >
                        {emoji}
                      </button>
                    ))}
                  </div>
                </li>
              );
            })}
          </ul>
        ) : (
          <p class="empty" aria-busy={loading}>
            {loading ? strings.loading : strings.empty}
          </p>
        )}
        {feed.follow?.value && (
          // The product's page is not ours to navigate: the changelog opens beside it.
          <a class="follow" href={feed.follow.value} target="_blank" rel="noopener noreferrer">
            {strings.follow}
          </a>
        )}
      </div>
    );
  }
}
