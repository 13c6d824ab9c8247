import mainCss from './styles.css?inline';

/**
 * The widget's main stylesheet (`styles.css`, which says how the sheets fit together), as the build
 * minifies it (Lightning CSS): adopted first into the shadow root by `mountUi`, and by the admin's preview.
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
