import { isRtl, strings } from '../i18n/strings.ts';
import type { WidgetView } from '../model/view.ts';
import { bodyOf, frameOf, part } from './chunks.ts';
import type { SurfaceProps } from './surface.ts';

/** A message in its frame (modal, banner or slide-out) around its body, once both chunks are here. */
function Surface(p: SurfaceProps) {
  const Frame = part(frameOf(p.message));
  const Body = part(bodyOf(p.message));
  return (
    Frame &&
    Body && (
      <Frame {...p}>
        <Body {...p} />
      </Frame>
    )
  );
}

/**
 * Everything the widget shows, from the view's current values: the banners and the one interrupting
 * message, each in its frame, the tooltips, and the changelog launcher and panel, inside a wrapper that
 * carries the theme variables, direction and language. `mountUi` renders it again when a signal changes,
 * and when a surface's chunk (`chunks.ts`) has arrived: until then that surface is not drawn.
 *
 * @example render(<App view={view} />, shadowRoot)
 */
export function App({ view }: { view: WidgetView }) {
  const { current, banners, tooltips, locale, theme, feed, actions } = view;
  const lang = locale.value;
  const words = strings(lang);
  const th = theme.value;
  // CSS variables go through CSSOM (style.setProperty), which a CSP without 'unsafe-inline' allows.
  const vars = th && {
    '--herald-brand': th.brandColor,
    '--herald-radius': `${th.radius}px`,
    '--herald-font': th.font,
  };
  const Tooltip = tooltips.value.length ? part('tooltip') : undefined;
  const FeedPanel = feed.open.value && part('panel');
  const FeedLauncher = feed.launcher.value && part('launcher');
  // Banners first in reading order; the stylesheets' z-indexes put a modal's backdrop over them.
  return (
    <div class="herald" dir={isRtl(lang) ? 'rtl' : 'ltr'} lang={lang} style={vars || undefined}>
      {[...banners.value, current.value].map(
        (m) => m && <Surface key={m.id} message={m} strings={words} actions={actions} id={`h${m.id}`} />,
      )}
      {Tooltip &&
        tooltips.value.map(({ message, anchor }) => (
          <Tooltip
            key={message.id}
            message={message}
            strings={words}
            actions={actions}
            id={`h${message.id}`}
            anchor={anchor}
          />
        ))}
      {FeedPanel && <FeedPanel feed={feed} strings={words} actions={actions} locale={lang} />}
      {FeedLauncher && (
        <FeedLauncher unread={feed.unread.value} strings={words} onOpen={() => actions.openFeed()} />
      )}
    </div>
  );
}
