/**
 * The shadow host's style, every declaration `!important`, set through CSSOM (`style.cssText`, which a
 * CSP without 'unsafe-inline' allows, unlike a style attribute in markup). In the cascade, important
 * declarations on the element itself beat every important author rule matched by a selector, so host
 * rules like `div { display: none !important }` or `* { all: unset }` cannot hide or move it. `all: initial`
 * resets everything else a host rule could set, among them whatever would make the host a containing
 * block for its fixed children (transform, filter, contain, will-change…), so the surfaces stay fixed to
 * the viewport; the host itself takes no space, so nothing on the page moves.
 */
const HOST_STYLE = 'all:initial;display:block;position:fixed;z-index:2147483647;top:0;left:0;width:0;height:0'
  .split(';')
  .map((d) => `${d}!important`)
  .join(';');

/**
 * Puts the root into the page, again when the app replaced the page's content on navigation. It goes
 * into `<html>`, after `<body>`: a host page's `body { transform }` (or filter, or contain) would make
 * `body` the containing block of fixed elements inside it, and the surfaces would scroll away with it.
 */
export function attachRoot(el: HTMLElement): void {
  if (!el.isConnected) document.documentElement.append(el);
}

/** Creates `<div id="herald-root">` with an open shadow root: the widget's only element in the page. */
export function createRoot(): HTMLElement {
  const el = document.createElement('div');
  el.id = 'herald-root';
  el.style.cssText = HOST_STYLE;
  el.attachShadow({ mode: 'open' });
  attachRoot(el);
  return el;
}
