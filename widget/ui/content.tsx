import type { ComponentChild } from 'preact';
import type { Block, Inline } from '../../server/schema/content.ts';

/** The URL with spaces and control characters removed, as a browser's URL parser would read it. */
const bare = (url: string) => url.replace(/[\0-\x20]/g, '');

/** http(s) or relative: anything with another scheme (javascript:, data:…) is not a link. */
const safeHref = (url: string) => !/^[a-z][\w+.-]*:/i.test(bare(url)) || /^https?:/i.test(bare(url));

/** Absolute URLs open in a new tab; relative ones stay in the product. */
const external = (url: string) => /^(https?:)?\/\//i.test(bare(url));

// No keys on the lists below: a message's content never reorders, and index keys would change nothing.

function inline(n: Inline): ComponentChild {
  if (typeof n === 'string') return n;
  switch (n.t) {
    case 'em':
    case 'strong': {
      const T = n.t;
      return <T>{n.c.map(inline)}</T>;
    }
    case 'code':
      return <code>{n.text}</code>;
    case 'br':
      return <br />;
    case 'a':
      return safeHref(n.href) ? (
        <a href={n.href} rel="noopener noreferrer" target={external(n.href) ? '_blank' : undefined}>
          {n.c.map(inline)}
        </a>
      ) : (
        <span>{n.c.map(inline)}</span>
      );
    case 'img':
      return /^https:\/\//i.test(bare(n.src)) ? <img src={n.src} alt={n.alt} loading="lazy" /> : null;
    default:
      return null;
  }
}

function block(b: Block): ComponentChild {
  switch (b.t) {
    case 'p':
      return <p>{b.c.map(inline)}</p>;
    case 'h': {
      // The surface title is the h2, so content headings start one level below it.
      const H = `h${Math.min(b.level + 2, 6)}` as 'h3';
      return <H>{b.c.map(inline)}</H>;
    }
    case 'ul':
    case 'ol': {
      const L = b.t;
      return (
        <L>
          {b.items.map((item) => (
            <li>{item.map(block)}</li>
          ))}
        </L>
      );
    }
    case 'pre':
      return (
        <pre>
          <code>{b.text}</code>
        </pre>
      );
    default:
      return null;
  }
}

/**
 * Renders the safe content tree with Preact elements: only the tags the tree allows, text always as
 * text, links only to http(s) or relative URLs, images only from https. Never `innerHTML`.
 *
 * @example <Content blocks={message.content.body} />
 */
export function Content({ blocks }: { blocks: Block[] }) {
  return blocks.map(block);
}
