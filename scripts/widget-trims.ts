/**
 * Build-time cuts of library code the widget can never reach, for its size budget (issue 3): each
 * surface must load in ≤ 14 KB gzip, and Preact with Preact Signals is more than a third of that.
 * Tree-shaking cannot drop these parts: they are branches inside functions the widget does use.
 *
 * Every cut names the exact text it removes from the pinned release (package-lock.json). When a
 * release changes that text, the build fails here, naming the cut, instead of shipping a library cut
 * half-way; when a widget module starts using what a cut removed, the build fails too (`guardWidget`).
 * The admin is built without these cuts: it is the full Preact.
 */
import type { Plugin } from 'vite';

type Cut = { why: string; text: string; by?: string };

/** Replaces each cut's text, which must occur exactly once in `code`. */
function applyCuts(code: string, cuts: Cut[], plugin: string): string {
  let out = code;
  for (const { why, text, by = '' } of cuts) {
    const at = out.indexOf(text);
    if (at < 0 || out.indexOf(text, at + 1) >= 0) {
      throw new Error(`${plugin}: the library changed shape (cut "${why}"): update or remove the cut`);
    }
    out = out.slice(0, at) + by + out.slice(at + text.length);
  }
  return out;
}

/**
 * Preact 11.2.0 (`dist/preact.mjs`, minified by Preact's own build) without:
 * - Suspense and hydration resumption: the widget renders into an empty shadow root, never hydrates
 *   and never throws a promise while rendering, so an error in a component goes straight to the error
 *   boundary (`Guard`), as the remaining branch of the catch does;
 * - the legacy and context lifecycles the widget's class components do not define
 *   (getDerivedStateFromProps, componentWillMount/ReceiveProps/Update, shouldComponentUpdate,
 *   getSnapshotBeforeUpdate, getChildContext);
 * - MathML namespaces (SVG stays: the feed launcher's bell is one).
 * About 0.5 KB gzip.
 */
const PREACT_CUTS: Cut[] = [
  {
    why: 'resume a suspended hydration',
    text: '128&u.__u&&(c=32&u.__u,s=u.__c.__z)&&(r.__u|=c,p=o=[],8==s.nodeType?l=B(s,o):o.push(s),l=o[0]||l),',
  },
  {
    why: 'catch: suspend on a thrown promise, or keep hydrating',
    text: 'if(e.length=v,r.__v=null,c||o)if(t&&t.then){if(r.__u|=128|c,o){for(~(T=o.indexOf(l||void 0))||(T=o.length);(N=o[T-1])&&8==N.nodeType;)T--;for(;T<o.length;T++)if(N=o[T])if(o[T]=null,O){if(N==P)break}else{if(8!=N.nodeType)break;N.data.startsWith("$s")&&(P=B(O=N))}}if(!O){for(;l&&8==l.nodeType&&l.nextSibling;)l=l.nextSibling;O=l}(s=B(O=r.__c.__z||(r.__c.__z=O)))?(r.__e=O,l=s):r.__e=l,l=l&&l.nextSibling}else o&&o.some(g);else r.__e=u.__e;r.__k||(r.__k=u.__k||[]),t&&t.then||D(r),n.__e(t,r,u)',
    by: 'e.length=v,r.__v=null,r.__e=u.__e,r.__k||(r.__k=u.__k||[]),D(r),n.__e(t,r,u)',
  },
  {
    why: 'unmount a suspended boundary',
    text: '!u&&(i=t.__c)&&(i=i.__z)&&(f=B(i,o=[]))&&(i==t.__e&&o.some(g),g(f),g(i)),',
  },
  {
    why: 'Suspense markers',
    text: 'function B(n,t){if(n&&8==n.nodeType&&n.data.startsWith("$s"))for(var r=1;n=n.nextSibling;){if(8==n.nodeType)if(n.data.startsWith("$s"))r++;else if(n.data.startsWith("/$s")&&!--r)return n;t&&t.push(n)}}',
  },
  {
    why: 'getDerivedStateFromProps',
    text: 'C&&(d.__s||(d.__s=d.state),V.getDerivedStateFromProps&&(d.__s==d.state&&(d.__s=_({},d.__s)),_(d.__s,V.getDerivedStateFromProps(M,d.__s))))',
    by: 'C&&(d.__s||(d.__s=d.state))',
  },
  {
    why: 'componentWillReceiveProps',
    text: 'M!==k&&C&&!V.getDerivedStateFromProps&&d.componentWillReceiveProps&&d.componentWillReceiveProps(M,L),',
  },
  {
    why: 'shouldComponentUpdate',
    text: '||!(4&d.__g)&&d.shouldComponentUpdate&&!1===d.shouldComponentUpdate(M,d.__s,L)',
  },
  { why: 'componentWillUpdate', text: 'd.componentWillUpdate&&d.componentWillUpdate(M,d.__s,L),' },
  {
    why: 'componentWillMount',
    text: 'C&&!V.getDerivedStateFromProps&&d.componentWillMount&&d.componentWillMount(),',
  },
  { why: 'getChildContext', text: 'd.getChildContext&&(i=_({},i,d.getChildContext())),' },
  {
    why: 'getSnapshotBeforeUpdate',
    text: 'C&&u.__c&&d.getSnapshotBeforeUpdate&&(m=d.getSnapshotBeforeUpdate(k,b)),',
  },
  { why: 'MathML namespace', text: '"math"==C?f="http://www.w3.org/1998/Math/MathML":' },
  { why: 'MathML text elements', text: '||"http://www.w3.org/1998/Math/MathML"==f&&v.test(C)' },
];

/** What the cuts above removed, as a widget module would name it. */
const REMOVED =
  /\b(getDerivedStateFromProps|componentWill(Mount|ReceiveProps|Update)|shouldComponentUpdate|getSnapshotBeforeUpdate|getChildContext|createContext|hydrate|Suspense)\b|preact\/compat|<math\b/;

/** The widget's Preact, with `PREACT_CUTS` applied. */
export const preactTrimmed: Plugin = {
  name: 'herald-preact-trimmed',
  transform: {
    filter: { id: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/ },
    handler: (code) => applyCuts(code, PREACT_CUTS, 'herald-preact-trimmed'),
  },
};

/** Fails the build when a widget module uses what `PREACT_CUTS` removed. */
export const guardWidget: Plugin = {
  name: 'herald-guard-widget',
  transform: {
    filter: { id: /[\\/]widget[\\/].*\.tsx?$/ },
    handler(code, id) {
      const used = REMOVED.exec(code);
      if (used) {
        throw new Error(
          `${id} uses ${used[0]}, which the widget's Preact leaves out (scripts/widget-trims.ts)`,
        );
      }
      return null;
    },
  },
};

/**
 * Drops `Computed` and `computed()` from @preact/signals-core (≈ 0.28 KB gzip): the widget has no
 * computed signal, and tree-shaking cannot drop the class itself, whose `prototype = new Signal` is a
 * side effect. Should a module import either, the build fails on the missing export; should a
 * signals-core release change the shape this relies on, the build fails here instead of shipping a
 * half-cut library.
 */
export const signalsWithoutComputed: Plugin = {
  name: 'herald-signals-without-computed',
  transform: {
    filter: { id: /@preact[\\/]signals-core[\\/]dist[\\/]signals-core\.module\.js$/ },
    handler(code) {
      const names = /export\{([^}]*)\}/.exec(code)?.[1]?.split(',') ?? [];
      const local = (name: string) => names.find((n) => n.endsWith(` as ${name}`))?.split(' as ')[0];
      const C = local('Computed');
      const c = local('computed');
      const last = `function ${c}(i,t){return new ${C}(i,t)}`;
      const from = code.indexOf(`function ${C}(`);
      const to = code.indexOf(last);
      const rest = `${code.slice(0, from)}${code.slice(to + last.length)}`.replace(
        /export\{[^}]*\}/,
        `export{${names.filter((n) => !/ as [Cc]omputed$/.test(n)).join(',')}}`,
      );
      const used = (id?: string) => new RegExp(`(^|[^.\\w$])${id}(?![\\w$:])`).test(rest);
      if (!C || !c || from < 0 || to < from || used(C) || used(c)) {
        throw new Error('signals-core changed shape: update or remove signalsWithoutComputed');
      }
      return rest;
    },
  },
};
