/**
 * Declarations for the shadow host, set through CSSOM with `!important`, grouped by value. In the cascade,
 * important declarations attached to the element (its style attribute, which CSSOM writes) beat every
 * important author rule matched by a selector, so host rules like `div { display: none !important }` or
 * `* { all: unset }` cannot hide or move it; CSSOM writes are not inline styles for CSP. Whatever would
 * make the host a containing block for its fixed children (transforms, filters, containment) is reset,
 * so the surfaces stay fixed to the viewport; the host itself takes no space, so nothing on the page moves.
 */
const HOST_STYLE: [string, string][] = [
  ['display', 'block'],
  ['position', 'fixed'],
  ['z-index', '2147483647'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['top left width height margin padding border', '0'],
  ['transform translate rotate scale filter backdrop-filter perspective clip-path mask contain', 'none'],
  ['will-change', 'auto'],
  ['container-type', 'normal'],
  ['content-visibility', 'visible'],
];

/** Puts the root into the page; again when the app replaced `body`'s content on navigation. */
export function attachRoot(el: HTMLElement): void {
  if (!el.isConnected) (document.body ?? document.documentElement).append(el);
}

/** Creates `<div id="herald-root">` with an open shadow root: the widget's only element in the page. */
export function createRoot(): HTMLElement {
  const el = document.createElement('div');
  el.id = 'herald-root';
  for (const [names, value] of HOST_STYLE) {
    for (const name of names.split(' ')) el.style.setProperty(name, value, 'important');
  }
  el.attachShadow({ mode: 'open' });
  attachRoot(el);
  return el;
}
