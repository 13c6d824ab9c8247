import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../server/schema/content.ts';
import corpus from '../../test/cases/xss.json';
import { Content } from './content.tsx';

function html(blocks: unknown[]): HTMLElement {
  const root = document.createElement('div');
  render(<Content blocks={blocks as Block[]} />, root);
  return root;
}

describe('Content', () => {
  it('renders the safe tree as elements', () => {
    const root = html([
      { t: 'h', level: 1, c: ['Title'] },
      { t: 'p', c: ['a ', { t: 'em', c: ['b'] }, { t: 'br' }, { t: 'code', text: 'x<y' }] },
      { t: 'ul', items: [[{ t: 'p', c: ['one'] }], [{ t: 'p', c: ['two'] }]] },
      { t: 'ol', items: [[{ t: 'p', c: ['first'] }]] },
      { t: 'pre', text: 'let a = 1;' },
    ]);
    expect(root.innerHTML).toBe(
      '<h3>Title</h3><p>a <em>b</em><br><code>x&lt;y</code></p><ul><li><p>one</p></li><li><p>two</p></li></ul>' +
        '<ol><li><p>first</p></li></ol><pre><code>let a = 1;</code></pre>',
    );
  });

  it('keeps HTML in text as text', () => {
    const root = html([{ t: 'p', c: ['<img src=x onerror=alert(1)><script>alert(1)</script>'] }]);
    expect(root.querySelector('img,script')).toBeNull();
    expect(root.textContent).toContain('<script>');
  });

  it('makes only the elements the tree allows', () => {
    const root = html([
      { t: 'script', c: ['alert(1)'] },
      { t: 'iframe', src: 'https://evil.example' },
      { t: 'p', c: [{ t: 'script', c: ['x'] }, { t: 'style', text: '*{}' }, 'ok'] },
    ]);
    expect(root.innerHTML).toBe('<p>ok</p>');
  });

  it('opens external links in a new tab without opener or referrer', () => {
    const root = html([{ t: 'p', c: [{ t: 'a', href: 'https://docs.example.com/x', c: ['docs'] }] }]);
    const a = root.querySelector('a') as HTMLAnchorElement;
    expect(a.getAttribute('href')).toBe('https://docs.example.com/x');
    expect(a.rel).toBe('noopener noreferrer');
    expect(a.target).toBe('_blank');
  });

  it('keeps relative links in the same tab', () => {
    const root = html([{ t: 'p', c: [{ t: 'a', href: '/reserve', c: ['reserve'] }] }]);
    const a = root.querySelector('a') as HTMLAnchorElement;
    expect(a.rel).toBe('noopener noreferrer');
    expect(a.hasAttribute('target')).toBe(false);
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<b>x</b>',
    'vbscript:x',
  ])('does not link to %j', (href) => {
    const root = html([{ t: 'p', c: [{ t: 'a', href, c: ['click'] }] }]);
    expect(root.querySelector('a')).toBeNull();
    expect(root.textContent).toBe('click');
  });

  // The server never sends these (it compiles content on save); the widget refuses them all the same.
  it.each(corpus.urls)('makes no script link or image of a tampered tree: $name', ({ url }) => {
    const root = html([
      {
        t: 'p',
        c: [
          { t: 'a', href: url, c: ['click'] },
          { t: 'img', src: url, alt: 'x' },
        ],
      },
    ]);
    expect(root.querySelector('img')).toBeNull();
    const href = root.querySelector('a')?.getAttribute('href');
    if (href != null) expect(['http:', 'https:']).toContain(new URL(href, 'https://host.test/').protocol);
    expect(root.textContent).toBe('click');
  });

  it('loads https images lazily and drops other sources', () => {
    const root = html([
      {
        t: 'p',
        c: [
          { t: 'img', src: 'https://cdn.example.com/a.png', alt: 'A scooter' },
          { t: 'img', src: 'javascript:alert(1)', alt: 'x' },
          { t: 'img', src: 'http://cdn.example.com/b.png', alt: 'y' },
        ],
      },
    ]);
    const imgs = root.querySelectorAll('img');
    expect(imgs).toHaveLength(1);
    expect(imgs[0]?.getAttribute('loading')).toBe('lazy');
    expect(imgs[0]?.alt).toBe('A scooter');
  });
});
