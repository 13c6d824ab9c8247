import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBED_STUB, embedSnippet } from '../../widget/loader/stub.ts';
import * as widgetPackage from '../../widget/package/index.ts';
import { announcement, createSite, publishMessage, type TestApp, testApp } from '../support/test-app.ts';

/** The npm package's functions that `window.Herald` has not: starting it, and the React hook's feed. */
const PACKAGE_ONLY = ['init', 'subscribe'];

let t: TestApp;
let docs: Document;
beforeAll(async () => {
  t = await testApp();
  const window = new Window();
  window.document.body.innerHTML = await (await t.app.request('/docs')).text();
  docs = window.document as unknown as Document;
});
afterAll(async () => {
  await t.close();
});

/** The code an example's copy button copies, as the page shows it. */
const example = (id: string) => {
  const button = docs.querySelector(`#${id} button[data-copy]`);
  return docs.getElementById(button?.getAttribute('data-copy') ?? '')?.textContent ?? undefined;
};

describe('the published snippet', () => {
  it('is in the README character for character, with ready() and isEnabled() callable at once', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    expect(readme).toContain(EMBED_STUB);
    expect(EMBED_STUB).toContain('h.ready=h.ready||');
    expect(EMBED_STUB).toContain('h.isEnabled=h.isEnabled||');
  });
});

describe('/docs: the widget', () => {
  const stubbed = [...(EMBED_STUB.match(/\["([^\]]+)"\]/)?.[1] ?? '').split('","'), 'isEnabled', 'ready'];
  const exported = Object.entries(widgetPackage)
    .filter(([name, value]) => typeof value === 'function' && !PACKAGE_ONLY.includes(name))
    .map(([name]) => name);

  it.each([...new Set([...stubbed, ...exported])])('documents Herald.%s with an example to copy', (name) => {
    const heading = docs.querySelector(`#${name} h3`)?.textContent ?? '';
    expect(heading).toMatch(new RegExp(`^Herald\\.${name}\\(`));
    expect(example(name)).toContain(`Herald.${name}(`);
    const button = docs.querySelector(`#${name} button[data-copy]`);
    expect(button?.getAttribute('aria-label')).toBe(`Copy the example: ${heading}`);
  });

  it('shows the admin’s embed snippet, loading the widget from this server', () => {
    expect(example('snippet')).toBe(embedSnippet('http://localhost:8787', 'pk_…', 'off'));
  });

  it.each([
    ['test-mode', 'herald_test=1'],
    ['test-mode', '{ test: true }'],
    ['goals', 'Herald.track("reservation_made")'],
  ])('#%s shows %s', (id, code) => {
    expect(example(id)).toContain(code);
  });

  it('signs, with the Node lines it shows, a token that decide trusts over the browser', async () => {
    const site = await createSite(t, { identityVerification: 'required' });
    const id = await publishMessage(t, site.id, announcement({ audience: { city: 'Austin' } }));
    const code = example('signed-identity') ?? '';
    const dir = mkdtempSync(join(tmpdir(), 'herald-docs-'));
    /** The token the example signs, run by Node as a module with `user` and `siteSecret` defined. */
    const signed = (secret: string) => {
      const file = join(dir, 'sign.mjs');
      const user = JSON.stringify({ id: 'u_docs', city: 'Austin', plan: 'pro' });
      writeFileSync(
        file,
        `const user = ${user};\nconst siteSecret = "${secret}";\n${code}\nconsole.log(token);\n`,
      );
      return execFileSync(process.execPath, [file], { encoding: 'utf8' }).trim();
    };
    try {
      const asked = (user: Record<string, unknown>) => t.post('/v1/decide', { site: site.publicKey, user });
      const trusted = await asked({ id: 'u_docs', traits: { city: 'Boston' }, token: signed(site.secret) });
      expect(trusted.status).toBe(200);
      expect(trusted.body.messages.map((m: { id: string }) => m.id)).toEqual([id]);
      // The same claims signed with another secret are refused.
      expect((await asked({ id: 'u_docs', token: signed('sk_wrong') })).status).toBe(401);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
