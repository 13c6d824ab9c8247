import { effect, untracked } from '@preact/signals-core';
import { render } from 'preact';
import { hasStrings, loadStrings } from '../i18n/strings.ts';
import type { WidgetView } from '../model/view.ts';
import { App } from './app.tsx';
import { loaded } from './chunks.ts';
import { Guard } from './guard.tsx';
import { adopt, css, sheet } from './styles.ts';

/**
 * The UI's entry, called by the runtime once per shadow root: adopts the widget's main stylesheet as a
 * constructable stylesheet (no `<style>`, so a CSP without 'unsafe-inline' works) and renders the
 * surfaces into the shadow root, again whenever the view's signals change — once per change, or once
 * per `batch` of them. Returns how to stop following the view.
 *
 * Why one effect that re-renders from the root instead of components that subscribe (`@preact/signals`):
 * the tree is a handful of elements, and the Preact integration (with preact/hooks, which it needs)
 * would add 1.9 KB gzip to every page that shows a message. Rendering waits for the built-in strings of
 * the user's language (a small chunk), so nothing shows in the wrong language first.
 *
 * @example mountUi(host.attachShadow({ mode: 'open' }), view);
 */
export function mountUi(shadow: ShadowRoot, view: WidgetView): () => void {
  adopt(shadow, sheet(css));
  const { current, banners, tooltips, locale, theme, feed } = view;
  const draw = (): void => {
    const lang = locale.peek();
    if (hasStrings(lang)) {
      render(
        <Guard>
          <App view={view} />
        </Guard>,
        shadow,
      );
    } else loadStrings(lang).then(draw);
  };
  return effect(() => {
    // Reading each signal here is what makes the effect run again when one changes (or a chunk arrives).
    for (const s of [current, banners, tooltips, locale, theme, loaded, ...Object.values(feed)]) s.value;
    untracked(draw);
  });
}
