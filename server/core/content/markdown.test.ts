import { describe, expect, it } from 'vitest';
import { treeNodes as nodes, treeText as text, unsafeNodes } from '../../../test/support/safe-tree.ts';
import type { Block } from '../../schema/content.ts';
import { compileMarkdown } from './markdown.ts';

/** Fails with what is unsafe in the tree, if anything. */
function expectSafe(tree: Block[]): void {
  expect(unsafeNodes(tree)).toEqual([]);
}

describe('compileMarkdown', () => {
  it.each<[string, string, Block[]]>([
    ['turns a paragraph into p', 'Hello', [{ t: 'p', c: ['Hello'] }]],
    ['keeps heading levels 1 to 4', '### Three', [{ t: 'h', level: 3, c: ['Three'] }]],
    ['clamps heading level 5 to 4', '##### Five', [{ t: 'h', level: 4, c: ['Five'] }]],
    ['clamps heading level 6 to 4', '###### Six', [{ t: 'h', level: 4, c: ['Six'] }]],
    [
      'turns emphasis and strong into em and strong',
      '*a* **b**',
      [{ t: 'p', c: [{ t: 'em', c: ['a'] }, ' ', { t: 'strong', c: ['b'] }] }],
    ],
    [
      'turns inline code into code',
      'run `npm start`',
      [{ t: 'p', c: ['run ', { t: 'code', text: 'npm start' }] }],
    ],
    ['turns a code block into pre', '```\na < b\n```', [{ t: 'pre', text: 'a < b' }]],
    ['turns a hard break into br', 'a  \nb', [{ t: 'p', c: ['a', { t: 'br' }, 'b'] }]],
    ['keeps a relative link', '[Try](/reserve)', [{ t: 'p', c: [{ t: 'a', href: '/reserve', c: ['Try'] }] }]],
    [
      'keeps an https autolink',
      '<https://x.test>',
      [{ t: 'p', c: [{ t: 'a', href: 'https://x.test', c: ['https://x.test'] }] }],
    ],
    [
      'resolves a reference link',
      '[a][r]\n\n[r]: https://x.test',
      [{ t: 'p', c: [{ t: 'a', href: 'https://x.test', c: ['a'] }] }],
    ],
    [
      'keeps an https image',
      '![cat](https://x.test/c.png)',
      [{ t: 'p', c: [{ t: 'img', src: 'https://x.test/c.png', alt: 'cat' }] }],
    ],
    [
      'turns an unordered list into ul',
      '- a\n- b',
      [{ t: 'ul', items: [[{ t: 'p', c: ['a'] }], [{ t: 'p', c: ['b'] }]] }],
    ],
    ['turns an ordered list into ol', '1. a', [{ t: 'ol', items: [[{ t: 'p', c: ['a'] }]] }]],
    ['unwraps a block quote into its blocks', '> quoted', [{ t: 'p', c: ['quoted'] }]],
    [
      'drops a thematic break',
      'a\n\n---\n\nb',
      [
        { t: 'p', c: ['a'] },
        { t: 'p', c: ['b'] },
      ],
    ],
    ['keeps raw HTML as literal text', 'a <b>bold</b>', [{ t: 'p', c: ['a <b>bold</b>'] }]],
    ['merges adjacent strings', 'a &amp; b', [{ t: 'p', c: ['a & b'] }]],
    ['keeps the text of a dropped link', 'go [here](javascript:x) now', [{ t: 'p', c: ['go here now'] }]],
    ['keeps the alt text of a dropped image', '![a cat](http://x.test/c.png)', [{ t: 'p', c: ['a cat'] }]],
    ['turns an empty body into no blocks', '', []],
  ])('%s', (_name, markdown, expected) => {
    expect(compileMarkdown(markdown)).toEqual(expected);
  });

  it('keeps raw HTML only ever as strings, never as nodes', () => {
    const tree = compileMarkdown('<div onclick="x()">\n\n*hi*\n\n</div>\n\n<b>x</b> and <i>y</i>');
    expectSafe(tree);
    expect(nodes(tree).filter((n) => typeof n !== 'string' && !['p', 'em'].includes(n.t))).toEqual([]);
  });

  it('collapses nesting deeper than the limit into text', () => {
    const tree = compileMarkdown(`${'> '.repeat(50)}deep *text*`);
    expectSafe(tree);
    expect(tree).toEqual([{ t: 'p', c: ['deep text'] }]);
  });

  it('survives very deep nesting without overflowing the stack', () => {
    const tree = compileMarkdown(`${'- '.repeat(500)}x ${'*'.repeat(500)}y${'*'.repeat(500)}`);
    expectSafe(tree);
    expect(text(tree)).toContain('y');
  });

  it('stops adding nodes once the output budget is spent', () => {
    const tree = compileMarkdown('*a* '.repeat(4000));
    const ems = nodes(tree).filter((n) => typeof n !== 'string' && n.t === 'em');
    expect(nodes(tree).length).toBeLessThanOrEqual(5000);
    expect(ems.length).toBeGreaterThan(1000);
    expect(ems.length).toBeLessThan(4000);
  });
});
