import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssetSource } from '../../server/deps.ts';
import { type TestApp, testApp } from '../support/test-app.ts';

/** A built admin page and one asset, as `folderAssets` would serve them. */
const assets: AssetSource = async (path) => {
  const files: Record<string, string> = {
    'admin/index.html': '<!doctype html><script type="module" src="/admin/assets/main.js"></script>',
    'admin/assets/main.js': 'export {}',
  };
  const text = files[path];
  return text === undefined
    ? null
    : {
        body: new TextEncoder().encode(text),
        contentType: path.endsWith('.html') ? 'text/html' : 'text/javascript',
      };
};

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ assets });
});
afterAll(async () => {
  await t.close();
});

/** The CSP as a map of directive → sources. */
function directives(csp: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (csp ?? '').split(';').map((d) => {
      const [name = '', ...sources] = d.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('security headers on admin and docs pages', () => {
  it.each(['/admin/', '/admin/sites/abc', '/docs'])(
    '%s: a CSP without unsafe-inline, no framing, nosniff, no referrer',
    async (path) => {
      const res = await t.app.request(path);
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy');
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      const d = directives(csp);
      expect(d['frame-ancestors']).toEqual(["'none'"]);
      expect(d['object-src']).toEqual(["'none'"]);
      expect(d['base-uri']).toEqual(["'none'"]);
      // Scripts: only our own (the docs' copy buttons, the admin page).
      expect(d['script-src']).toEqual(["'self'"]);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    },
  );

  it('styles the docs from a stylesheet of our own and runs no inline script, as the CSP asks', async () => {
    const page = await (await t.app.request('/docs')).text();
    expect(page).not.toContain('<style');
    expect(page).toContain('<link rel="stylesheet" href="/docs.css"');
    expect(page.match(/<script[^>]*>/g)).toEqual(['<script src="/docs.js" defer>']);
    const script = await t.app.request('/docs.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    const css = await t.app.request('/docs.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toContain('font:');
  });

  it('serves JSON and assets with nosniff', async () => {
    for (const path of ['/openapi.json', '/admin/assets/main.js']) {
      expect((await t.app.request(path)).headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});
