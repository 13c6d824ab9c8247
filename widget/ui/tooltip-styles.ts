/**
 * The tooltip's and hotspot's styles, in the tooltip's lazy chunk (see `styles.ts`). Both stay hidden
 * until positioned; the arrow uses physical sides because floating-ui's placements are physical.
 */
export const tooltipCss = `.tt{top:0;left:0;z-index:0;visibility:hidden;width:max-content;max-width:min(320px,100vw - 16px);padding:16px}
.ar{position:absolute;width:10px;height:10px;background:inherit;rotate:45deg}
[data-side=bottom]>.ar{top:-5px}
[data-side=top]>.ar{bottom:-5px}
[data-side=left]>.ar{right:-5px}
[data-side=right]>.ar{left:-5px}
.hs{position:fixed;z-index:0;visibility:hidden;width:14px;height:14px;border-radius:50%;background:var(--br);box-shadow:0 0 0 3px #fffc}
.hs:after{content:"";position:absolute;inset:0;border-radius:50%;background:inherit;animation:p 1.6s infinite}
@keyframes p{to{scale:2.6;opacity:0}}`;
