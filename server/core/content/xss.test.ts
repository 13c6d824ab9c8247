import { describe, expect, it } from 'vitest';
import corpus from '../../../test/cases/xss.json';
import { treeNodes, treeText, unsafeNodes } from '../../../test/support/safe-tree.ts';
import { compileContent } from './compile.ts';
import { compileMarkdown } from './markdown.ts';
import { safeUrl } from './safe-url.ts';

/**
 * The sanitizer's half of the XSS corpus (`test/cases/xss.json`); `test/browser/xss.test.ts` and
 * `xss-admin.test.ts` run the same payloads through the widget, the public changelog, the admin results,
 * the editor and its preview in Chromium.
 */
describe('the content compiler against the XSS corpus', () => {
  it.each(corpus.markdown)(
    'compiles markdown to a safe tree that keeps the words: $name',
    ({ markdown, text }) => {
      const tree = compileMarkdown(markdown);
      expect(unsafeNodes(tree)).toEqual([]);
      if (text) expect(treeText(tree)).toContain(text);
    },
  );

  it.each(corpus.text)('keeps a title and a CTA label exactly as typed, as text: $name', ({ text }) => {
    const result = compileContent({ en: { title: text, body: text, cta: { label: text, url: '/ok' } } });
    if (!result.ok) throw new Error(result.problems.join('; '));
    const en = result.content.en;
    expect(en?.title).toBe(text);
    expect(en?.cta).toEqual({ label: text, url: '/ok' });
    // Plain text with markup in it compiles to paragraphs of strings: no link, no image, no element.
    const elements = treeNodes(en?.body ?? []).filter((n) => typeof n !== 'string' && n.t !== 'p');
    expect(elements).toEqual([]);
  });

  it.each(corpus.urls)('refuses the URL as a CTA, a link and an image: $name', ({ url }) => {
    expect(compileContent({ en: { title: 'Hi', body: '', cta: { label: 'Go', url } } })).toEqual({
      ok: false,
      problems: ['en.cta.url: only http(s) and relative URLs are allowed'],
    });
    expect(safeUrl(url, 'link')).toBeNull();
    expect(safeUrl(url, 'image')).toBeNull();
  });

  it.each(corpus.urls)('makes no link or image of the URL in markdown: $name', ({ url }) => {
    for (const markdown of [
      `[x](${url})`,
      `[x](<${url}>)`,
      `![x](<${url}>)`,
      `<${url}>`,
      `[x]\n\n[x]: <${url}>`,
    ]) {
      const tree = compileMarkdown(markdown);
      expect(unsafeNodes(tree)).toEqual([]);
      expect(treeNodes(tree).filter((n) => typeof n !== 'string' && (n.t === 'a' || n.t === 'img'))).toEqual(
        [],
      );
    }
  });
});

describe('the safety check of a compiled tree', () => {
  it.each([
    ['a javascript: link', { t: 'a', href: 'javascript:alert(1)', c: ['x'] }],
    ['an http image', { t: 'img', src: 'http://x.test/a.png', alt: 'x' }],
    ['an attribute the schema does not allow', { t: 'em', c: ['x'], onclick: 'alert(1)' }],
    ['a kind the schema does not allow', { t: 'script', c: ['alert(1)'] }],
  ])('notices %s', (_name, node) => {
    expect(unsafeNodes([{ t: 'p', c: [node as never] }])).toHaveLength(1);
  });
});
