import mainCss from './styles.css?inline';

/**
 * The widget's main stylesheet (`styles.css`): the wrapper, the card every surface is drawn on, content
 * and buttons. Each surface brings the rest of its look in its own lazy chunk (`modal.css`…), adopted
 * when it mounts, after this sheet. Host page CSS cannot reach inside the shadow root; `all: initial` on
 * the host and on the wrapper cuts what the host element would pass down by inheritance. Theme:
 * `--herald-brand`, `--herald-radius`, `--herald-font` on `.w`. Logical properties, so `dir="rtl"`
 * mirrors the layout. Written readable; the build minifies it (Lightning CSS, `vite.config.ts`).
 *
 * The media queries for dark mode and phones live here only (the admin's preview answers them for each
 * of its frames); the phone rules are written `.w .md` to win over the surfaces' sheets, which come later.
 *
 * Classes: w wrapper · c card · bk backdrop · md modal · so slide-out · bn banner (bt bottom) · x close ·
 * cta call to action · sc rating scale · nl NPS ends · ty thank-you · fl feed launcher · ub unread badge ·
 * fp feed panel · tt tooltip · hs hotspot.
 * Stacking: the shadow host is the page's topmost stacking context; inside it banners, tooltips and the
 * feed launcher (0) sit under a modal's backdrop (1), which sits under the modal and other cards (2). `--hb` is the height
 * of a bottom banner (set by `Banner`), which the launcher, the slide-out and the feed panel stay above.
 */
export const css: string = mainCss;

/** A constructable stylesheet: adoptable under a CSP without 'unsafe-inline', unlike a `<style>`. */
export function sheet(text: string): CSSStyleSheet {
  const s = new CSSStyleSheet();
  s.replaceSync(text);
  return s;
}

/** Adds a stylesheet to the shadow root (or document) that `node` is in, once. */
export function adopt(node: Node, s: CSSStyleSheet): void {
  const root = node.getRootNode() as ShadowRoot;
  if (!root.adoptedStyleSheets.includes(s)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, s];
}
