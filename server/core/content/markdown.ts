import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Block, Inline } from '../../schema/content.ts';
import { safeUrl } from './safe-url.ts';

export { safeUrl } from './safe-url.ts';

/** mdast types, taken from the parser itself so core depends on one library only. */
type Root = ReturnType<typeof fromMarkdown>;
type Node = Root['children'][number];

/** Deeper nesting than this collapses to plain text: no real announcement needs it, and it bounds recursion. */
const MAX_DEPTH = 8;
/** How many markdown nodes one body may turn into; the rest is dropped. Bounds the decide response. */
const MAX_NODES = 5000;
/** The schema's limit on a body; repeated here because core must not trust its caller to have parsed. */
const MAX_INPUT = 20_000;
const HEADING_LEVEL = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 4, 6: 4 } as const;

interface Walk {
  /** Link reference definitions (`[id]: url`), by normalized identifier; the first one wins, as in CommonMark. */
  definitions: Map<string, string>;
  /** Nodes still allowed in the output. */
  budget: number;
}

/**
 * Compiles an author's markdown into the safe tree the widget renders, so no HTML from authors ever reaches
 * a product page (DESIGN: "No HTML from authors").
 *
 * Raw HTML becomes literal text; links keep only http(s) and relative URLs and images only https ones
 * (see {@link safeUrl}) — an unsafe link keeps its text, an unsafe image its alt text. Headings 5–6 become 4;
 * block quotes unwrap into their blocks; anything else becomes its text.
 *
 * @example compileMarkdown('Reserve up to **30 minutes** ahead.')
 * // [{ t: 'p', c: ['Reserve up to ', { t: 'strong', c: ['30 minutes'] }, ' ahead.'] }]
 */
export function compileMarkdown(markdown: string): Block[] {
  const root = fromMarkdown(markdown.slice(0, MAX_INPUT));
  const walk: Walk = { definitions: collectDefinitions(root), budget: MAX_NODES };
  return blocks(root.children, 0, walk);
}

function blocks(nodes: readonly Node[], depth: number, walk: Walk): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    if (walk.budget-- <= 0) break;
    out.push(...block(node, depth, walk));
  }
  return out;
}

function block(node: Node, depth: number, walk: Walk): Block[] {
  if (depth >= MAX_DEPTH) return paragraph([textOf(node)]);
  switch (node.type) {
    case 'paragraph':
      return paragraph(inlines(node.children, depth + 1, walk));
    case 'heading': {
      const c = inlines(node.children, depth + 1, walk);
      return c.length > 0 ? [{ t: 'h', level: HEADING_LEVEL[node.depth], c }] : [];
    }
    case 'list':
      return [
        {
          t: node.ordered ? 'ol' : 'ul',
          items: node.children.map((item) => blocks(item.children, depth + 1, walk)),
        },
      ];
    case 'code':
      return [{ t: 'pre', text: node.value }];
    case 'blockquote':
      return blocks(node.children, depth + 1, walk);
    case 'html':
      return paragraph([node.value]);
    case 'thematicBreak':
    case 'definition':
      return [];
    default:
      return paragraph([textOf(node)]);
  }
}

function paragraph(c: Inline[]): Block[] {
  return c.length > 0 ? [{ t: 'p', c }] : [];
}

function inlines(nodes: readonly Node[], depth: number, walk: Walk): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (walk.budget-- <= 0) break;
    for (const item of inline(node, depth, walk)) {
      const last = out[out.length - 1];
      if (typeof item !== 'string') out.push(item);
      else if (typeof last === 'string') out[out.length - 1] = last + item;
      else if (item !== '') out.push(item);
    }
  }
  return out;
}

function inline(node: Node, depth: number, walk: Walk): Inline[] {
  if (depth >= MAX_DEPTH) return [textOf(node)];
  switch (node.type) {
    case 'text':
    case 'html':
      return [node.value];
    case 'emphasis':
      return [{ t: 'em', c: inlines(node.children, depth + 1, walk) }];
    case 'strong':
      return [{ t: 'strong', c: inlines(node.children, depth + 1, walk) }];
    case 'inlineCode':
      return [{ t: 'code', text: node.value }];
    case 'break':
      return [{ t: 'br' }];
    case 'link':
    case 'linkReference': {
      const c = inlines(node.children, depth + 1, walk);
      const href = safeUrl(urlOf(node, walk) ?? '', 'link');
      return href === null || c.length === 0 ? c : [{ t: 'a', href, c }];
    }
    case 'image':
    case 'imageReference': {
      const src = safeUrl(urlOf(node, walk) ?? '', 'image');
      const alt = node.alt ?? '';
      return src === null ? [alt] : [{ t: 'img', src, alt }];
    }
    default:
      return [textOf(node)];
  }
}

function urlOf(node: Node, walk: Walk): string | undefined {
  if ('url' in node) return node.url;
  return 'identifier' in node ? walk.definitions.get(node.identifier) : undefined;
}

/** The text under a node, like `mdast-util-to-string`; iterative, so no nesting depth can overflow the stack. */
function textOf(node: Node): string {
  let text = '';
  const stack: Node[] = [node];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if ('value' in next) text += next.value;
    else if (next.type === 'image' || next.type === 'imageReference') text += next.alt ?? '';
    else if ('children' in next) stack.push(...[...next.children].reverse());
  }
  return text;
}

function collectDefinitions(root: Root): Map<string, string> {
  const definitions = new Map<string, string>();
  const stack: Node[] = [...root.children].reverse();
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (next.type === 'definition') {
      if (!definitions.has(next.identifier)) definitions.set(next.identifier, next.url);
    } else if ('children' in next) stack.push(...[...next.children].reverse());
  }
  return definitions;
}
