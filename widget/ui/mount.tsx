import { render } from 'preact';
import type { WidgetView } from '../model/view.ts';
import { App } from './app.tsx';
import { css } from './styles.ts';

/**
 * The UI chunk's entry, which the runtime imports when there is something to show: adopts the widget's
 * stylesheet into the shadow root as a constructable stylesheet (no `<style>`, so a CSP without
 * 'unsafe-inline' works) and renders the surfaces into it. Call once per shadow root.
 *
 * @example const { mountUi } = await import('../ui/mount.tsx'); mountUi(host.attachShadow({ mode: 'open' }), view);
 */
export function mountUi(shadow: ShadowRoot, view: WidgetView): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
  render(<App view={view} />, shadow);
}
