import type { Block, Inline } from '../../server/schema/content.ts';

/** One node of the safe tree: a block, an inline element or a text. */
export type TreeNode = Block | Inline;

/** The exact keys each node kind may carry: anything else would be an attribute the schema never allowed. */
const SHAPES: Record<string, string> = {
  p: 'c,t',
  h: 'c,level,t',
  ul: 'items,t',
  ol: 'items,t',
  pre: 't,text',
  em: 'c,t',
  strong: 'c,t',
  code: 't,text',
  a: 'c,href,t',
  img: 'alt,src,t',
  br: 't',
};

/** Every node in a tree, depth first. */
export function treeNodes(tree: TreeNode[]): TreeNode[] {
  return tree.flatMap((n): TreeNode[] => {
    if (typeof n === 'string') return [n];
    if ('c' in n) return [n, ...treeNodes(n.c)];
    if ('items' in n) return [n, ...treeNodes(n.items.flat())];
    return [n];
  });
}

/** The visible text of a tree, as a screen reader would get it. */
export function treeText(tree: TreeNode[]): string {
  return treeNodes(tree)
    .map((n) => (typeof n === 'string' ? n : 'text' in n ? n.text : n.t === 'img' ? n.alt : ''))
    .join('');
}

/**
 * What in a compiled tree could carry script, each described: a node kind or key the schema does not
 * allow, a link that a browser would not resolve to http(s), an image that is not absolute https.
 * Empty for a safe tree.
 *
 * @example unsafeNodes(compileMarkdown('[x](javascript:alert(1))')) // []
 */
export function unsafeNodes(tree: TreeNode[]): string[] {
  const problems: string[] = [];
  for (const n of treeNodes(tree)) {
    if (typeof n === 'string') continue;
    const keys = Object.keys(n).sort().join(',');
    if (SHAPES[n.t] !== keys) problems.push(`${JSON.stringify(n)}: not a node the schema allows`);
    if (n.t === 'a') {
      const protocol = new URL(n.href, 'https://host.test/').protocol;
      if (protocol !== 'http:' && protocol !== 'https:') problems.push(`link to ${JSON.stringify(n.href)}`);
    }
    if (n.t === 'img' && !/^https:\/\//.test(n.src)) problems.push(`image from ${JSON.stringify(n.src)}`);
  }
  return problems;
}
