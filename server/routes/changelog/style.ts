import type { Theme } from '../../schema/site.ts';

/** Black or white, whichever reads better on `hex` (WCAG relative luminance), for text on the brand colour. */
export function textOn(hex: string): '#000000' | '#ffffff' {
  const channel = (i: number) => {
    const v = Number.parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  // Contrast with black is (l + 0.05) / 0.05, with white 1.05 / (l + 0.05): equal at l ≈ 0.179.
  return l > 0.179 ? '#000000' : '#ffffff';
}

/** The font list with anything that could end the declaration removed (the theme's font is free text). */
function fontList(font: string): string {
  return font.replace(/[^\w\s,'"-]/g, '') || 'system-ui, sans-serif';
}

/**
 * The public changelog's stylesheet, themed with the site's brand colour, radius and font; light and dark
 * follow the reader's system. Served as a file, not inline, so the page's CSP needs no `unsafe-inline`.
 * Text colours stay neutral (the brand colour is only a background or a border) so any brand keeps contrast.
 */
export function changelogCss(theme: Theme): string {
  return `:root{--brand:${theme.brandColor};--on-brand:${textOn(theme.brandColor)};--radius:${theme.radius}px;
--bg:#ffffff;--fg:#1a1a1a;--muted:#4d4d4d;--card:#f6f6f7;--line:#d4d4d8;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#121214;--fg:#ececee;--muted:#b4b4bb;--card:#1d1d21;--line:#3a3a40}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.6 ${fontList(theme.font)}}
a{color:inherit;text-decoration:underline;text-underline-offset:2px}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid var(--brand);outline-offset:2px}
header{border-top:6px solid var(--brand);padding:2rem 1rem 1rem;max-width:44rem;margin:0 auto}
header h1{margin:0 0 .25rem;font-size:1.75rem}
header p{margin:0;color:var(--muted)}
nav ul{list-style:none;padding:0;margin:.75rem 0 0;display:flex;flex-wrap:wrap;gap:1rem}
main{max-width:44rem;margin:0 auto;padding:0 1rem 3rem}
article{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:1.25rem 1.5rem;margin:1.25rem 0}
article h2{margin:0;font-size:1.3rem}
article time{color:var(--muted);font-size:.9rem}
article img{max-width:100%;height:auto}
pre{overflow:auto;padding:.75rem;background:var(--bg);border-radius:calc(var(--radius)/2)}
.cta,button{display:inline-block;background:var(--brand);color:var(--on-brand);border:0;border-radius:var(--radius);padding:.5rem 1rem;font:inherit;text-decoration:none;cursor:pointer}
.pages{display:flex;justify-content:space-between;margin:2rem 0}
.subscribe{border-top:1px solid var(--line);margin-top:2rem;padding-top:1rem}
.subscribe input{font:inherit;padding:.45rem .6rem;border:1px solid var(--muted);border-radius:calc(var(--radius)/2);background:var(--bg);color:var(--fg);min-width:16rem;max-width:100%}
.subscribe form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
[role=status]{padding:.75rem 1rem;border:1px solid var(--line);border-left:6px solid var(--brand);border-radius:var(--radius);background:var(--card)}
`;
}
