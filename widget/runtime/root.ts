/**
 * Declarations for the shadow host, set through CSSOM with `!important`. In the cascade, important
 * declarations attached to the element (its style attribute, which CSSOM writes) beat every important
 * author rule matched by a selector, so host rules like `div { display: none !important }` or
 * `* { all: unset }` cannot hide or move it. CSSOM writes are not inline `<style>` for CSP purposes.
 * Properties that would make the host a containing block for fixed children are reset, so surfaces
 * stay fixed to the viewport.
 */
const HOST_STYLE =
  'display:block;position:fixed;top:0;left:0;width:0;height:0;margin:0;padding:0;border:0;' +
  'z-index:2147483647;overflow:visible;visibility:visible;opacity:1;pointer-events:auto;' +
  'transform:none;translate:none;rotate:none;scale:none;filter:none;backdrop-filter:none;perspective:none;' +
  'contain:none;container-type:normal;will-change:auto;content-visibility:visible;clip-path:none;mask:none';

/** Puts the root into the page; again when the app replaced `body`'s content on navigation. */
export function attachRoot(el: HTMLElement): void {
  if (!el.isConnected) (document.body ?? document.documentElement).append(el);
}

/** Creates `<div id="herald-root">` with an open shadow root: the widget's only element in the page. */
export function createRoot(): HTMLElement {
  const el = document.createElement('div');
  el.id = 'herald-root';
  for (const decl of HOST_STYLE.split(';')) {
    const [name, value] = decl.split(':') as [string, string];
    el.style.setProperty(name, value, 'important');
  }
  el.attachShadow({ mode: 'open' });
  attachRoot(el);
  return el;
}
