import { render } from 'preact';
import { hasStrings, loadStrings } from '../i18n/strings.ts';
import type { WidgetView } from '../model/view.ts';
import { App } from './app.tsx';
import { Guard } from './guard.tsx';
import { adopt, css, sheet } from './styles.ts';

/**
 * The UI chunk's entry, called by the runtime once per shadow root: adopts the widget's stylesheet as a
 * constructable stylesheet (no `<style>`, so a CSP without 'unsafe-inline' works) and renders the
 * surfaces into the shadow root, again whenever one of the view's signals changes.
 *
 * Why re-render from the root instead of subscribing per component (`@preact/signals`, or hooks): the
 * tree is a handful of elements, and leaving out both keeps about 2.3 KB gzip off every page that shows
 * a message. Rendering waits for the built-in strings of the user's language (a small chunk), so nothing
 * shows in the wrong language first.
 *
 * @example mountUi(host.attachShadow({ mode: 'open' }), view);
 */
export function mountUi(shadow: ShadowRoot, view: WidgetView): void {
  adopt(shadow, sheet(css));
  let ready = false;
  const draw = () => {
    const locale = view.locale.value;
    if (!ready) return;
    if (hasStrings(locale)) {
      render(
        <Guard>
          <App view={view} />
        </Guard>,
        shadow,
      );
    } else loadStrings(locale).then(draw);
  };
  const { current, banners, tooltips, locale, theme, feed } = view;
  for (const s of [current, banners, tooltips, locale, theme, ...Object.values(feed)]) s.subscribe(draw);
  ready = true;
  draw();
}
