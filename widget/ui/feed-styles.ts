/**
 * The feed panel's styles, in the panel's lazy chunk (see `styles.ts` for the conventions). While the
 * panel is open, a slide-out card (a survey, say) moves to the other bottom corner where there is room;
 * where there is not, the panel sits above it (`FeedPanel.clear`).
 */
export const feedCss = `.fp{bottom:calc(80px + var(--hb,0px));inset-inline-end:16px;width:min(380px,100% - 32px);max-height:min(620px,100% - 100px);overflow:auto;padding:0}
.fp header{position:sticky;top:0;background:var(--bg);padding:16px 20px 8px;border-bottom:1px solid var(--ln)}
.ps{list-style:none;margin:0;padding:0}
.ps>li{padding:16px 20px;border-bottom:1px solid var(--ln)}
.ps h3{margin:0}
.n h3:before{content:"";display:inline-block;width:8px;height:8px;margin-inline-end:8px;border-radius:50%;background:var(--br)}
time{display:block;margin-bottom:6px;font-size:12px;color:var(--mu)}
.rx{display:flex;gap:6px}
.rx button{padding:2px 10px;border:1px solid var(--ln);border-radius:99px}
.rx [aria-pressed=true]{border-color:var(--br)}
.em{padding:20px;color:var(--mu)}
@media (max-width:480px){.fp{inset-inline:8px;width:auto}}
@media (min-width:481px){.w:has(.fp) .so{inset-inline:16px auto}}`;
