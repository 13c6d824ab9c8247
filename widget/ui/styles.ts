/**
 * The widget's main stylesheet: frames, content, survey, feed launcher. The feed panel and the tooltip
 * bring their own (`feed-styles.ts`, `tooltip-styles.ts`) in their lazy chunks. Host page CSS cannot reach
 * inside the shadow root; `all: initial` on the host and on the wrapper cuts what the host element would
 * pass down by inheritance. Theme: `--herald-brand`, `--herald-radius`, `--herald-font` on `.w`. Logical
 * properties, so `dir="rtl"` mirrors the layout. Terse on purpose: it ships inside the 14 KB budget.
 *
 * Classes: w wrapper · c card · bk backdrop · md modal · so slide-out · bn banner (bt bottom) · x close ·
 * cta call to action · sc rating scale · nl NPS ends · ty thank-you · fl feed launcher · ub unread badge.
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
.bk{position:fixed;inset:0;z-index:1;background:#0007}
.md{inset:0;margin:auto;width:min(440px,100% - 32px);height:fit-content;max-height:calc(100% - 32px);overflow:auto}
.so,.fl{bottom:calc(16px + var(--hb,0px));inset-inline-end:16px}
.so{width:min(360px,100% - 32px)}
.w:has(.fl) .so{bottom:calc(80px + var(--hb,0px))}
.bn{inset-inline:0;top:0;z-index:0;border-radius:0;display:flex;flex-wrap:wrap;align-items:center;gap:4px 16px;padding:10px 16px}
.bt{top:auto;bottom:0}
.bn *{margin:0}
.bn .x{position:static;margin-inline-start:auto}
h2{margin:0 0 8px;font-size:18px;padding-inline-end:24px}
p,ul,ol,pre{margin:0 0 10px}
a{color:var(--br)}
img{max-width:100%}
pre{overflow:auto}
button{font:inherit;color:inherit;background:none;border:0;padding:0;cursor:pointer}
:focus-visible{outline:2px solid var(--br)}
.x{position:absolute;top:10px;inset-inline-end:10px;width:28px;height:28px;color:var(--mu)}
.cta{padding:8px 16px;border-radius:8px;background:var(--br);color:#fff;font-weight:600}
.sc{display:flex;gap:6px;margin:12px 0;padding:0;border:0}
.sc button{min-width:44px;height:44px;border:1px solid var(--ln);border-radius:8px;font-size:20px}
.sc:not(.stars5) [aria-pressed=true]{background:var(--br);color:#fff}
.stars5 button{min-width:0;border:0;font-size:30px;color:var(--ln)}
.stars5:hover button,.stars5 .on{color:#f59e0b}
.stars5 button:hover~button{color:var(--ln)}
.nps{gap:3px}
.nps button{flex:1;min-width:0;font-size:14px}
.nl{display:flex;justify-content:space-between;font-size:12px;color:var(--mu)}
label{font-size:13px;color:var(--mu)}
textarea{display:block;width:100%;height:76px;margin:4px 0 8px;font:inherit;color:var(--fg);background:none;border:1px solid var(--ln);border-radius:8px}
.ty{margin:0;font-weight:600}
.fl{position:fixed;width:52px;height:52px;border-radius:50%;background:var(--br);color:#fff;display:grid;place-items:center;box-shadow:0 6px 20px -4px #0006}
.fl svg{width:24px;fill:currentColor}
.ub{position:absolute;top:-3px;inset-inline-end:-3px;min-width:20px;padding:0 5px;border-radius:10px;background:#e11d48;font-size:11px;font-weight:700;line-height:20px}
@keyframes i{from{opacity:0;transform:translateY(8px)}}
@media (max-width:480px){.md{width:100%;margin-bottom:0;border-radius:var(--r) var(--r) 0 0}.so{inset-inline:8px;width:auto}}
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
