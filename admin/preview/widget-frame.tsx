import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ShownMessage } from '../../server/schema/decide.ts';
import type { WidgetActions, WidgetTheme } from '../../widget/model/view.ts';
import { mountUi } from '../../widget/ui/mount.tsx';
import { signalView } from '../../widget/ui/preview-kit.ts';
import { type DeviceSize, previewCss, type Scheme } from './preview-css.ts';

const noop = () => {};

/** A preview's actions do nothing: a click or a dismissal there is not a user's. */
const NO_ACTIONS: WidgetActions = {
  shown: noop,
  dismiss: noop,
  click: noop,
  respond: noop,
  openFeed: noop,
  closeFeed: noop,
  feedSeen: noop,
  react: noop,
};

type Props = {
  message: ShownMessage;
  theme: WidgetTheme | null;
  scheme: Scheme;
  size: DeviceSize;
  label: string;
};

/**
 * One device-sized frame with a sketch of a product page and the message drawn by the widget's own
 * components, mounted by the widget's `mountUi` in a shadow root as on a real page. The frame contains
 * the widget's fixed positioning (a transformed box), and is `inert`: a preview never takes focus (a
 * modal would) or clicks, and hidden from the accessibility tree, so the page's own controls stay the
 * only ones with their names (the preview's "Close" is not the page's).
 */
export function WidgetFrame({ message, theme, scheme, size, label }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const anchor = useRef<HTMLButtonElement>(null);
  const [view] = useState(() => signalView(NO_ACTIONS));
  const [sheet] = useState(() => new CSSStyleSheet());
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const shadow = el.attachShadow({ mode: 'open' });
    const stop = mountUi(shadow, view);
    // The widget's sheet, swapped for the same CSS with its media queries answered by this frame. Each
    // surface's chunk adds its own sheet later, after this one (those have no media queries).
    shadow.adoptedStyleSheets = [sheet];
    return () => {
      stop();
      render(null, shadow);
    };
  }, []);
  useLayoutEffect(() => sheet.replaceSync(previewCss(scheme, size)), [scheme, size]);
  useEffect(() => {
    const tip = message.kind === 'tooltip';
    view.locale.value = message.locale;
    view.theme.value = theme;
    view.current.value = tip ? null : message;
    view.tooltips.value = tip && anchor.current ? [{ message, anchor: anchor.current }] : [];
  }, [message, theme]);
  const anchorText = 'anchor' in message.display ? message.display.anchor : '';
  return (
    <figure class="preview-figure">
      <figcaption>{label}</figcaption>
      <div class={`device ${size} ${scheme}`} inert aria-hidden="true">
        <div class="device-screen">
          <div class="sketch">
            <div class="sketch-bar" />
            <div class="sketch-line w60" />
            <div class="sketch-line w80" />
            {message.kind === 'tooltip' && (
              <button type="button" ref={anchor} class="sketch-anchor" tabIndex={-1}>
                {anchorText || 'Anchor'}
              </button>
            )}
            <div class="sketch-line w40" />
          </div>
          <div ref={host} class="widget-host" />
        </div>
      </div>
    </figure>
  );
}
