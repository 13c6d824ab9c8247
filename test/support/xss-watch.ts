import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Runs before any script of every page and frame: `alert` and its kin report their call instead of
 * opening a dialog, so a payload that runs is seen even when it runs in a frame or hides its dialog.
 */
const HOOKS = `(() => {
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = function () {
      const what = name + '(' + [].join.call(arguments, ', ') + ') in ' + location.href;
      const report = window.__xssReport || (top && top.__xssReport);
      if (typeof report === 'function') report(what);
      else console.error('xss: ' + what);
    };
  }
})();`;

/**
 * Watches a browser context for script that XSS payloads would run: calls of `alert`, `confirm`,
 * `prompt` and `print` in any page or frame (reported through a binding), dialogs that still open, and
 * uncaught errors and `xss:` console messages of `page`. Also keeps every request away from anything but
 * 127.0.0.1 and localhost (the corpus links to `example.invalid`). Returns the list it fills.
 *
 * @example const ran = await watchXss(context, page); …; expect(ran).toEqual([]);
 */
export async function watchXss(context: BrowserContext, page: Page): Promise<string[]> {
  const ran: string[] = [];
  await context.exposeBinding('__xssReport', (_source, what: string) => void ran.push(what));
  await context.addInitScript(HOOKS);
  await context.route(
    (url) => !['127.0.0.1', 'localhost'].includes(url.hostname),
    (route) => route.abort('blockedbyclient'),
  );
  page.on('dialog', (d) => {
    ran.push(`${d.type()} dialog: ${d.message()}`);
    void d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => ran.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.text().startsWith('xss: ')) ran.push(m.text());
  });
  return ran;
}

/**
 * Everything in the page's DOM — through open shadow roots and same-origin frames — that could run
 * script: inline scripts, event-handler attributes, `srcdoc`, elements that embed or retarget content
 * (iframe, object, embed, base, meta refresh, MathML, SVG animation and `use`, `foreignObject`), and URL
 * attributes that a browser would resolve to anything but http(s) (`javascript:`, `data:`, `vbscript:`,
 * in any spacing). Each entry names the element and where it is. Empty when the page is clean.
 */
export function dangerousMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const TAGS = new Set(
      'iframe frame frameset object embed applet base math foreignobject animate set animatetransform animatemotion use portal xmp plaintext'.split(
        ' ',
      ),
    );
    const URLS = new Set(
      'href src action formaction xlink:href data poster background srcset dynsrc lowsrc ping codebase cite longdesc usemap manifest icon values to from by'.split(
        ' ',
      ),
    );
    const found: string[] = [];
    const scheme = (value: string, base: string) => {
      // What a URL parser sees: no tabs, newlines or control characters, lower case.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point here.
      const bare = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (/^(javascript|vbscript|data):/.test(bare)) return bare.slice(0, bare.indexOf(':') + 1);
      try {
        return new URL(value, base).protocol;
      } catch {
        return 'unparsable:';
      }
    };
    const walk = (root: Document | ShadowRoot, where: string) => {
      const base = root instanceof Document ? root.baseURI : (root.host.ownerDocument?.baseURI ?? '');
      for (const el of Array.from(root.querySelectorAll('*'))) {
        const tag = el.localName.toLowerCase();
        const at = `<${tag}> in ${where}`;
        if (tag === 'script' && !(el as HTMLScriptElement).src) found.push(`inline script ${at}`);
        if (TAGS.has(tag)) found.push(`element ${at}`);
        if (tag === 'meta' && el.hasAttribute('http-equiv')) found.push(`meta http-equiv ${at}`);
        for (const a of Array.from(el.attributes)) {
          const name = a.name.toLowerCase();
          if (name.startsWith('on')) found.push(`${name}= ${at}`);
          if (name === 'srcdoc') found.push(`srcdoc= ${at}`);
          if (name === 'style' && /expression\(|script:/i.test(a.value)) found.push(`style= ${at}`);
          const favicon = tag === 'link' && a.value === 'data:,';
          if ((URLS.has(name) || name.endsWith(':href')) && !favicon) {
            const protocol = scheme(a.value, base);
            if (!['http:', 'https:'].includes(protocol)) found.push(`${name}=${protocol} ${at}`);
          }
        }
        if (el.shadowRoot) walk(el.shadowRoot, `${where} > ${tag}#${el.id}::shadow`);
        if (tag === 'iframe') {
          const inner = (el as HTMLIFrameElement).contentDocument;
          if (inner) walk(inner, `${where} > iframe`);
        }
      }
    };
    walk(document, location.pathname);
    return found;
  });
}

/** Fails unless nothing ran (`ran`, from {@link watchXss}) and nothing that could run is in the page's DOM. */
export async function expectNoXss(page: Page, ran: string[]): Promise<void> {
  expect(await dangerousMarkup(page)).toEqual([]);
  expect(ran).toEqual([]);
}
