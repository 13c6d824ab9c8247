import { isRtl, strings } from '../i18n/strings.ts';
import type { WidgetView } from '../model/view.ts';
import { Announcement } from './announcement.tsx';
import { Banner } from './banner.tsx';
import { FeedLauncher } from './feed-launcher.tsx';
import { lazy } from './lazy.tsx';
import { Modal } from './modal.tsx';
import { Slideout } from './slideout.tsx';
import type { SurfaceProps } from './surface.ts';
import { Survey } from './survey.tsx';

// Separate chunks: most pages never open the feed or show a tooltip.
const FeedPanel = lazy(() => import('./feed-panel.tsx').then((m) => m.FeedPanel));
const Tooltip = lazy(() => import('./tooltip.tsx').then((m) => m.Tooltip));

/** A message in its frame (modal, banner or slide-out) around its body (announcement or survey). */
function Surface({ m, t, a }: Omit<SurfaceProps, 'id'>) {
  const id = `h${m.id}`;
  // A survey is a slide-out card unless its author asked for a modal.
  const style = 'style' in m.display ? m.display.style : 'slideout';
  const Frame = style === 'modal' ? Modal : style === 'banner' && m.kind !== 'survey' ? Banner : Slideout;
  const Body = m.kind === 'survey' ? Survey : Announcement;
  return (
    <Frame m={m} t={t} a={a} id={id}>
      <Body m={m} t={t} a={a} id={id} />
    </Frame>
  );
}

/**
 * Everything the widget shows, from the view's current values: the banners and the one interrupting
 * message, each in its frame, the tooltips, and the changelog launcher and panel, inside a wrapper that
 * carries the theme variables, direction and language. `mountUi` renders it again when a signal changes.
 *
 * @example render(<App view={view} />, shadowRoot)
 */
export function App({ view }: { view: WidgetView }) {
  const { current, banners, tooltips, locale, theme, feed, actions: a } = view;
  const lang = locale.value;
  const t = strings(lang);
  const th = theme.value;
  // CSS variables go through CSSOM (style.setProperty), which a CSP without 'unsafe-inline' allows.
  const vars = th && {
    '--herald-brand': th.brandColor,
    '--herald-radius': `${th.radius}px`,
    '--herald-font': th.font,
  };
  // Banners first in reading order; the stylesheet's z-indexes put a modal's backdrop over them.
  return (
    <div class="w" dir={isRtl(lang) ? 'rtl' : 'ltr'} lang={lang} style={vars || undefined}>
      {[...banners.value, current.value].map((m) => m && <Surface key={m.id} m={m} t={t} a={a} />)}
      {tooltips.value.map(({ message, anchor }) => (
        <Tooltip key={message.id} m={message} t={t} a={a} id={`h${message.id}`} anchor={anchor} />
      ))}
      {feed.open.value && <FeedPanel feed={feed} t={t} a={a} locale={lang} />}
      {feed.launcher.value && <FeedLauncher unread={feed.unread.value} t={t} onOpen={() => a.openFeed()} />}
    </div>
  );
}
