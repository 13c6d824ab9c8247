/**
 * The widget's main stylesheet: the wrapper, the card every surface is drawn on, content and buttons.
 * Each surface brings the rest of its look in its own lazy chunk (`modalCss` in `modal.tsx`…), adopted
 * when it mounts, after this sheet. Host page CSS cannot reach inside the shadow root; `all: initial` on
 * the host and on the wrapper cuts what the host element would pass down by inheritance. Theme:
 * `--herald-brand`, `--herald-radius`, `--herald-font` on `.w`. Logical properties, so `dir="rtl"`
 * mirrors the layout. Terse on purpose: it ships inside the 14 KB budget.
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
export const css = `:host{all:initial}
.w{all:initial;--bg:#fff;--fg:#18181b;--mu:#71717a;--ln:#e4e4e7;--br:var(--herald-brand,#4f46e5);--r:var(--herald-radius,12px);font:15px/1.5 var(--herald-font,system-ui,sans-serif);color:var(--fg)}
@media (prefers-color-scheme:dark){.w{--bg:#1c1c1f;--fg:#f4f4f5;--mu:#a1a1aa;--ln:#3f3f46}}
*{box-sizing:border-box}
.c{position:fixed;z-index:2;background:var(--bg);border:1px solid var(--ln);border-radius:var(--r);box-shadow:0 12px 32px -8px #0005;padding:20px;animation:i .2s}
.c:focus{outline:0}
h2{margin:0 0 8px;font-size:18px;padding-inline-end:24px}
p,ul,ol,pre{margin:0 0 10px}
a{color:var(--br)}
img{max-width:100%}
pre{overflow:auto}
button{font:inherit;color:inherit;background:none;border:0;padding:0;cursor:pointer}
:focus-visible{outline:2px solid var(--br)}
.x{position:absolute;top:10px;inset-inline-end:10px;width:28px;height:28px;color:var(--mu)}
.cta{padding:8px 16px;border-radius:8px;background:var(--br);color:#fff;font-weight:600}
@keyframes i{from{opacity:0;transform:translateY(8px)}}
@media (max-width:480px){.w .md{width:100%;margin-bottom:0;border-radius:var(--r) var(--r) 0 0}.w .so{inset-inline:8px;width:auto}}
@media (prefers-reduced-motion:reduce){*,:after{animation:none!important}}`;

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
