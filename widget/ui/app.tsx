import { useErrorBoundary } from 'preact/hooks';
import { isRtl, strings } from '../i18n/strings.ts';
import type { WidgetView } from '../model/view.ts';
import { Announcement } from './announcement.tsx';
import { Banner } from './banner.tsx';
import { FeedLauncher } from './feed-launcher.tsx';
import { FeedPanel } from './feed-panel.tsx';
import { Modal } from './modal.tsx';
import { Slideout } from './slideout.tsx';
import { Survey } from './survey.tsx';
import { Tooltip } from './tooltip.tsx';
import { useValue } from './use-value.ts';

/**
 * Everything the widget shows: the one interrupting message (in its frame), the tooltips, and the
 * changelog launcher and panel, inside a wrapper that carries the theme variables, direction and language.
 * A render error in any surface removes the surfaces instead of reaching the host page.
 *
 * @example render(<App view={view} />, shadowRoot)
 */
export function App({ view }: { view: WidgetView }) {
  const [error] = useErrorBoundary();
  const m = useValue(view.current);
  const tips = useValue(view.tooltips);
  const locale = useValue(view.locale);
  const theme = useValue(view.theme);
  const launcher = useValue(view.feed.launcher);
  const open = useValue(view.feed.open);
  if (error) return null;

  const t = strings(locale);
  const a = view.actions;
  let current = null;
  if (m) {
    const id = `h${m.id}`;
    const style = 'style' in m.display ? m.display.style : 'slideout';
    // A survey is a slide-out card unless its author asked for a modal.
    const Frame = style === 'modal' ? Modal : style === 'banner' && m.kind !== 'survey' ? Banner : Slideout;
    const Body = m.kind === 'survey' ? Survey : Announcement;
    current = (
      <Frame key={m.id} m={m} t={t} a={a} id={id}>
        <Body m={m} t={t} a={a} id={id} />
      </Frame>
    );
  }
  // CSS variables go through CSSOM (style.setProperty), which a CSP without 'unsafe-inline' allows.
  const vars = theme && {
    '--herald-brand': theme.brandColor,
    '--herald-radius': `${theme.radius}px`,
    '--herald-font': theme.font,
  };
  return (
    <div class="w" dir={isRtl(locale) ? 'rtl' : 'ltr'} lang={locale} style={vars || undefined}>
      {current}
      {tips.map(({ message, anchor }) => (
        <Tooltip key={message.id} m={message} t={t} a={a} id={`h${message.id}`} anchor={anchor} />
      ))}
      {open && <FeedPanel feed={view.feed} t={t} a={a} locale={locale} />}
      {launcher && <FeedLauncher unread={view.feed.unread} t={t} onOpen={() => a.openFeed()} />}
    </div>
  );
}
