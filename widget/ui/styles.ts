/**
 * The widget's stylesheet, adopted into the shadow root as a constructable stylesheet (see `mountUi`).
 * Host page CSS cannot reach inside the shadow root; `all: initial` on the host and on the wrapper cuts
 * what the host element would pass down by inheritance. Theme: `--herald-brand`, `--herald-radius` and
 * `--herald-font` (set on `.w` from the site's settings). Logical properties, so `dir="rtl"` mirrors it.
 * Kept terse on purpose: it ships inside the 14 KB budget, one rule per line.
 *
 * Class names: w wrapper · c card · bk backdrop · md modal · bn banner (bt: bottom) · so slide-out ·
 * tt tooltip (ar arrow) · hs hotspot · x close · cta call to action · sc rating scale · nl NPS ends ·
 * ty thank-you · fl feed launcher (ub unread badge) · fp feed panel · ps posts (n: unread) · rx reactions.
 */
export const css = `
:host{all:initial}
.w{all:initial;--bg:#fff;--fg:#18181b;--mu:#71717a;--ln:#e4e4e7;--br:var(--herald-brand,#4f46e5);--r:var(--herald-radius,12px);font:15px/1.5 var(--herald-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);color:var(--fg);-webkit-font-smoothing:antialiased}
@media (prefers-color-scheme:dark){.w{--bg:#1c1c1f;--fg:#f4f4f5;--mu:#a1a1aa;--ln:#3f3f46}}
*{box-sizing:border-box}
.c{position:fixed;z-index:2147483647;background:var(--bg);color:var(--fg);border:1px solid var(--ln);border-radius:var(--r);box-shadow:0 12px 32px -8px rgb(0 0 0/.28),0 2px 6px rgb(0 0 0/.08);padding:20px;animation:i .22s ease-out}
.bk{position:fixed;inset:0;z-index:2147483646;background:rgb(0 0 0/.45);animation:f .2s}
.md{inset:0;margin:auto;width:min(440px,calc(100% - 32px));height:fit-content;max-height:calc(100% - 32px);overflow:auto;padding:28px}
.so{bottom:16px;inset-inline-end:16px;width:min(360px,calc(100% - 32px));max-height:calc(100% - 32px);overflow:auto}
.w:has(.fl) .so{bottom:80px}
.bn{inset-inline:0;top:0;border-radius:0;border-width:0 0 1px;display:flex;flex-wrap:wrap;align-items:center;gap:4px 16px;padding:10px 16px}
.bn.bt{top:auto;bottom:0;border-width:1px 0 0}
.bn h2{font-size:15px;margin:0}
.bn p{margin:0}
.bn .cta{margin:0}
.bn .x{position:static;margin-inline-start:auto}
h2{margin:0 0 8px;font-size:18px;line-height:1.3;padding-inline-end:24px}
h3,h4,h5,h6{margin:12px 0 4px;font-size:15px}
p,ul,ol,pre{margin:0 0 10px}
ul,ol{padding-inline-start:22px}
a{color:var(--br)}
img{max-width:100%;height:auto;border-radius:8px}
code{font:.9em ui-monospace,monospace;background:var(--ln);border-radius:4px;padding:1px 4px}
pre{overflow:auto;background:var(--ln);border-radius:8px;padding:10px}
pre code{padding:0}
button{font:inherit;color:inherit;background:none;border:0;padding:0;margin:0;cursor:pointer}
:focus-visible{outline:2px solid var(--br);outline-offset:2px}
.c:focus{outline:none}
.x{position:absolute;top:10px;inset-inline-end:10px;width:28px;height:28px;border-radius:50%;color:var(--mu);font-size:14px}
.x:hover{background:var(--ln);color:var(--fg)}
.cta{display:inline-block;margin-top:6px;padding:8px 16px;border-radius:calc(var(--r) * .7);background:var(--br);color:#fff;font-weight:600}
.cta:hover{filter:brightness(1.1)}
.sc{display:flex;flex-wrap:wrap;gap:6px;margin:12px 0;padding:0;border:0;min-width:0}
.sc button{min-width:40px;height:40px;border:1px solid var(--ln);border-radius:10px;font-size:20px}
.sc button:hover{border-color:var(--br)}
.sc [aria-pressed=true]{background:var(--br);border-color:var(--br);color:#fff}
.stars5 button,.stars5 [aria-pressed=true]{min-width:0;border:0;background:none;font-size:30px;line-height:1;color:var(--ln)}
.stars5:hover button,.stars5 .on{color:#f59e0b}
.stars5 button:hover~button{color:var(--ln)}
.nps{flex-wrap:nowrap;gap:4px}
.nps button{flex:1;min-width:0;font-size:14px}
.nl{display:flex;justify-content:space-between;margin-top:-6px;font-size:12px;color:var(--mu)}
label{display:block;margin-top:12px;font-size:13px;color:var(--mu)}
textarea{display:block;width:100%;min-height:76px;margin:4px 0 8px;padding:8px 10px;font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--ln);border-radius:8px;resize:vertical}
.ty{margin:0;font-weight:600}
.ty:empty{display:none}
.tt{top:0;left:0;visibility:hidden;width:max-content;max-width:min(320px,calc(100vw - 16px));padding:16px}
.ar{position:absolute;width:10px;height:10px;background:inherit;transform:rotate(45deg)}
[data-side=bottom]>.ar{top:-5px}
[data-side=top]>.ar{bottom:-5px}
[data-side=left]>.ar{right:-5px}
[data-side=right]>.ar{left:-5px}
.hs{position:fixed;z-index:2147483647;visibility:hidden;width:14px;height:14px;border-radius:50%;background:var(--br);box-shadow:0 0 0 3px rgb(255 255 255/.8)}
.hs::after{content:"";position:absolute;inset:0;border-radius:50%;background:inherit;animation:p 1.6s infinite}
.fl{position:fixed;z-index:2147483647;bottom:16px;inset-inline-end:16px;width:52px;height:52px;border-radius:50%;background:var(--br);color:#fff;display:grid;place-items:center;box-shadow:0 6px 20px -4px rgb(0 0 0/.35)}
.fl svg{width:24px;height:24px;fill:currentColor}
.ub{position:absolute;top:-3px;inset-inline-end:-3px;min-width:20px;height:20px;padding:0 5px;border-radius:10px;background:#e11d48;font-size:11px;font-weight:700;line-height:20px}
.fp{bottom:80px;inset-inline-end:16px;width:min(380px,calc(100% - 32px));max-height:min(620px,calc(100% - 100px));overflow:auto;padding:0}
.fp header{position:sticky;top:0;z-index:1;background:var(--bg);padding:16px 20px 8px;border-bottom:1px solid var(--ln)}
.ps{list-style:none;margin:0;padding:0}
.ps>li{padding:16px 20px;border-bottom:1px solid var(--ln)}
.ps>li:last-child{border:0}
.ps h3{margin:0}
.n h3::before{content:"";display:inline-block;width:8px;height:8px;margin-inline-end:8px;border-radius:50%;background:var(--br);vertical-align:middle}
time{display:block;margin-bottom:6px;font-size:12px;color:var(--mu)}
.rx{display:flex;gap:6px;margin-top:8px}
.rx button{padding:2px 10px;border:1px solid var(--ln);border-radius:99px}
.rx [aria-pressed=true]{border-color:var(--br)}
.em{padding:20px;color:var(--mu)}
@keyframes i{from{opacity:0;transform:translateY(8px)}}
@keyframes f{from{opacity:0}}
@keyframes p{to{transform:scale(2.6);opacity:0}}
@media (max-width:480px){.md{width:100%;margin-bottom:0;border-radius:var(--r) var(--r) 0 0}.so,.fp{inset-inline:8px;width:auto}}
@media (prefers-reduced-motion:reduce){*,::after{animation:none!important;transition:none!important}}
`;
