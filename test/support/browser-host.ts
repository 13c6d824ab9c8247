import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EMBED_STUB } from '../../widget/loader/stub.ts';

/**
 * The embed stub as README and the admin publish it (`EMBED_STUB`): each method queues [name, args] in
 * `Herald.q` until the widget loads, and `ready()`/`isEnabled()` answer at once. Served as a file, because
 * the host pages forbid inline scripts.
 */
export const STUB = `${EMBED_STUB}\n`;

/** Calls `Herald.identify` with the user its own script tag names (`data-user`, `data-traits` as JSON). */
const IDENTIFY = `(function (s) {
  Herald.identify(s.dataset.user, JSON.parse(s.dataset.traits || '{}'));
})(document.currentScript);
`;

/** A host element's box, as the probe records it (`data-probe` names the element). */
export type Box = { name: string; x: number; y: number; width: number; height: number };

/**
 * What `/probe.js` (the first script of every host page) records in `window.__probe`: the window's keys
 * before the embed ran, CSP violations, errors and rejections that reach the page's handlers, the
 * layout-shift score and what shifted, the elements added to the document after it was parsed, and the boxes of the
 * `[data-probe]` elements once parsed (`before`) and on demand (`boxes()`).
 */
export type Probe = {
  keys: string[];
  violations: string[];
  errors: string[];
  rejections: string[];
  shift: number;
  /** Each shifted element, with its boxes before and after and when. */
  shifted: string[];
  added: string[];
  before: Box[];
  boxes(): Box[];
};

const PROBE = `(function () {
  var p = (window.__probe = { violations: [], errors: [], rejections: [], shift: 0, shifted: [], added: [], before: [] });
  p.keys = Object.keys(window);
  p.boxes = function () {
    return [].map.call(document.querySelectorAll('[data-probe]'), function (el) {
      var r = el.getBoundingClientRect();
      return { name: el.dataset.probe, x: r.x, y: r.y, width: r.width, height: r.height };
    });
  };
  document.addEventListener('securitypolicyviolation', function (e) {
    p.violations.push(e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber);
  });
  addEventListener('error', function (e) {
    p.errors.push(String(e.message) + ' at ' + e.filename + ':' + e.lineno);
  });
  addEventListener('unhandledrejection', function (e) {
    p.rejections.push(String(e.reason && e.reason.stack ? e.reason.stack : e.reason));
  });
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (entry) {
        if (entry.hadRecentInput) return;
        p.shift += entry.value;
        (entry.sources || []).forEach(function (s) {
          var n = s.node;
          var name = !n ? '(gone)' : n.nodeType === 1 ? n.tagName.toLowerCase() + (n.className ? '.' + n.className : '') : '#text';
          var inShadow = n && n.getRootNode && n.getRootNode() !== document ? ' in a shadow root' : '';
          p.shifted.push(name + inShadow + ' ' + JSON.stringify(s.previousRect) + ' → ' + JSON.stringify(s.currentRect) + ' at ' + Math.round(entry.startTime) + ' ms');
        });
      });
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (e) {}
  document.addEventListener('DOMContentLoaded', function () {
    p.before = p.boxes();
    new MutationObserver(function (records) {
      records.forEach(function (r) {
        r.addedNodes.forEach(function (n) {
          if (n.nodeType === 1) p.added.push(n.tagName.toLowerCase() + (n.id ? '#' + n.id : ''));
        });
      });
    }).observe(document, { childList: true, subtree: true });
  });
})();
`;

/** A host page: a product page embedding the widget the way DESIGN tells customers to. */
export type HostPage = {
  /** The site's public key (`data-site`). */
  site: string;
  /** Inner HTML of `<body>`. */
  body: string;
  title?: string;
  /** Who the page identifies, through `/identify.js` (no inline script). */
  user?: { id: string; traits?: Record<string, unknown> };
  /** Stylesheets (host paths), after the probe. */
  styles?: string[];
  /** The page's own scripts (host paths), deferred, after the embed. */
  scripts?: string[];
  /** Sends the strict Content-Security-Policy header (default true). */
  csp?: boolean;
  /** Where the widget calls `/v1/*` (`data-api`), when not the server it came from; the CSP allows it. */
  api?: string;
  /** Where the page loads `widget.js` from, when not the Herald server (a proxy in front of it, say). */
  from?: string;
};

/** The second origin: a tiny HTTP server of host pages and their files. */
export type HostServer = {
  /** `http://127.0.0.1:PORT`, a different origin from the Herald server. */
  origin: string;
  url(path: string): string;
  /** Serves `page` at `path`; a path ending in `*` serves every path with that prefix (client-side routes). */
  page(path: string, page: HostPage): void;
  /** Serves a file (a page's script or stylesheet). */
  file(path: string, body: string, type?: string): void;
  stop(): Promise<void>;
};

const attr = (s: string) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/**
 * The strict policy every host page sends unless told otherwise: no inline scripts or styles, scripts
 * only from the page and the Herald server, connections only to the Herald server.
 */
export function strictCsp(heraldBase: string, api?: string): string {
  const connect = api && api !== heraldBase ? `${heraldBase} ${api}` : heraldBase;
  return (
    `default-src 'self'; script-src 'self' ${heraldBase}; connect-src ${connect}; ` +
    `style-src 'self'; img-src 'self' https: data:`
  );
}

function html(page: HostPage, defaultBase: string): string {
  const { user } = page;
  const heraldBase = page.from ?? defaultBase;
  const identify = user
    ? `<script src="/identify.js" data-user="${attr(user.id)}" data-traits="${attr(JSON.stringify(user.traits ?? {}))}"></script>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title ?? 'Host page'}</title>
<link rel="icon" href="data:,">
<script src="/probe.js"></script>
${(page.styles ?? []).map((s) => `<link rel="stylesheet" href="${attr(s)}">`).join('\n')}
<script async src="${heraldBase}/widget.js" data-site="${attr(page.site)}"${page.api ? ` data-api="${attr(page.api)}"` : ''}></script>
<script src="/stub.js"></script>
${identify}
${(page.scripts ?? []).map((s) => `<script defer src="${attr(s)}"></script>`).join('\n')}
</head>
<body>
${page.body}
</body>
</html>
`;
}

/** Starts the host server on a free port of 127.0.0.1; its pages embed the widget from `heraldBase`. */
export function startHost(heraldBase: string): Promise<HostServer> {
  const files = new Map<string, { body: string; type: string }>([
    ['/stub.js', { body: STUB, type: 'text/javascript' }],
    ['/identify.js', { body: IDENTIFY, type: 'text/javascript' }],
    ['/probe.js', { body: PROBE, type: 'text/javascript' }],
  ]);
  const pages = new Map<string, HostPage>();
  const send = (res: ServerResponse, status: number, type: string, body: string, page?: HostPage) => {
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-store' };
    if (page && page.csp !== false)
      headers['content-security-policy'] = strictCsp(page.from ?? heraldBase, page.api);
    res.writeHead(status, headers).end(body);
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    const file = files.get(path);
    if (file) return send(res, 200, `${file.type}; charset=utf-8`, file.body);
    const page =
      pages.get(path) ?? [...pages].find(([p]) => p.endsWith('*') && path.startsWith(p.slice(0, -1)))?.[1];
    if (page) return send(res, 200, 'text/html; charset=utf-8', html(page, heraldBase), page);
    send(res, 404, 'text/plain', 'not found');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve({
        origin,
        url: (path) => origin + path,
        page: (path, page) => void pages.set(path, page),
        file: (path, body, type = 'text/javascript') => void files.set(path, { body, type }),
        stop: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
