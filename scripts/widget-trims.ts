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
 *   getSnapshotBeforeUpdate, getChildContext, contextType, getDerivedStateFromError: `Guard` catches
 *   with componentDidCatch);
 * - portals, and `dangerouslySetInnerHTML` (the widget never sets HTML: content is a safe tree);
 * - the `options` hooks but `debounceRendering` (nothing in the widget sets one: it does not use
 *   preact/hooks or @preact/signals' Preact integration, see `widget/ui/mount.tsx`);
 * - MathML namespaces (SVG stays: the feed launcher's bell is one).
 * About 0.8 KB gzip.
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
    why: 'skip Suspense markers when placing a node',
    text: '(t=t&&t.nextSibling)&&8==t.nodeType&&!t.data.startsWith("$s"););',
    by: '(t=t&&t.nextSibling)&&8==t.nodeType;);',
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
  {
    why: 'contextType',
    text: 'j=(s=V.contextType)&&i[s.__c],L=s?j?j.props.value:s.__:i,',
    by: 'L=i,',
  },
  { why: 'subscribe to a context', text: 'j&&j.sub(d),' },
  {
    why: 'render into a portal',
    text: 'M.__P&&(s=l,f=(t=M.__P).namespaceURI,c=o=null,u.props&&u.props.__P!=t&&(u.__k.some(function(n){n&&J(n,n)}),u.__k=null),l=u.__k?S(u,0):null),',
  },
  { why: 'leave a portal', text: 'M.__P&&(r.__e=null,l=s),' },
  {
    why: 'getDerivedStateFromError',
    text: '(e=(o=i.constructor)&&o.getDerivedStateFromError)&&i.setState(o.getDerivedStateFromError(n)),',
    by: 'e=0,',
  },
  { why: 'old dangerouslySetInnerHTML', text: '"dangerouslySetInnerHTML"==s?y=k:' },
  { why: 'new dangerouslySetInnerHTML', text: '"dangerouslySetInnerHTML"==s?h=k:' },
  {
    why: 'set innerHTML',
    text: 'h?(l||y&&(h.__html==y.__html||h.__html==t.innerHTML)||(t.innerHTML=h.__html),r.__k=[]):(y&&(t.textContent=""),',
    by: '(',
  },
  // The `options` hooks (devtools, @preact/signals, preact/hooks): nothing in the widget sets one.
  { why: 'options.vnode on create', text: 'return!o&&n.vnode&&n.vnode(e),e}', by: 'return e}' },
  { why: 'options.vnode on re-render', text: ',n.vnode&&n.vnode(r),', by: ',' },
  { why: 'options.__b (diff)', text: '(s=n.__b)&&s(r);' },
  { why: 'options.__r (render)', text: 'H=n.__r,' },
  { why: 'call options.__r', text: 'H&&H(r),' },
  { why: 'options.diffed', text: 'return(s=n.diffed)&&s(r),l}', by: 'return l}' },
  { why: 'options.__c (commit)', text: 'n.__c&&n.__c(r,t),' },
  { why: 'options.__m (hydration mismatch)', text: 'l&&(n.__m&&n.__m(r,o),l=!1)', by: 'l=!1' },
  { why: 'options.unmount', text: 'n.unmount&&n.unmount(t),' },
  { why: 'options.__ (root)', text: 'n.__&&n.__(t,r),' },
  { why: 'options.event', text: 'return u(n.event?n.event(r):r)', by: 'return u(r)' },
  { why: 'MathML namespace', text: '"math"==C?f="http://www.w3.org/1998/Math/MathML":' },
  { why: 'MathML text elements', text: '||"http://www.w3.org/1998/Math/MathML"==f&&v.test(C)' },
];

/** What the cuts in this file removed, as a widget module would name it. */
const REMOVED =
  /\.subscribe\(|\b(watched|unwatched|getDerivedStateFromProps|componentWill(Mount|ReceiveProps|Update)|shouldComponentUpdate|getSnapshotBeforeUpdate|getChildContext|getDerivedStateFromError|contextType|createContext|createPortal|dangerouslySetInnerHTML|hydrate|Suspense)\b|['"]preact\/(compat|hooks)['"]|<math\b|\{[^}]*\boptions\b[^}]*\}\s*from\s*['"]preact['"]/;

/** The widget's Preact, with `PREACT_CUTS` applied. */
export const preactTrimmed: Plugin = {
  name: 'herald-preact-trimmed',
  transform: {
    filter: { id: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/ },
    handler: (code) => applyCuts(code, PREACT_CUTS, 'herald-preact-trimmed'),
  },
};

/** Fails the build when a widget module uses what `PREACT_CUTS` or `SIGNALS_CUTS` removed. */
export const guardWidget: Plugin = {
  name: 'herald-guard-widget',
  transform: {
    filter: { id: /[\\/]widget[\\/].*\.tsx?$/ },
    handler(code, id) {
      const used = REMOVED.exec(code);
      if (used) {
        throw new Error(
          `${id} uses ${used[0]}, which the widget's build cuts out of Preact or its signals (scripts/widget-trims.ts)`,
        );
      }
      return null;
    },
  },
};

/**
 * @preact/signals-core 1.14.5 without what the widget never calls: `Computed` and `computed()`, the
 * `watched`/`unwatched` options and a signal's `subscribe`, `valueOf`, `toString` and `toJSON` (≈ 0.4 KB
 * gzip). The widget reads a signal through `.value` or `.peek()` only, never by converting it. Tree-shaking
 * cannot drop these: `Computed.prototype = new Signal` and the prototype assignments are side effects.
 */
const SIGNALS_CUTS: Cut[] = [
  {
    why: 'watched/unwatched and name options',
    text: ';this.W=null==t?void 0:t.watched;this.Z=null==t?void 0:t.unwatched;this.name=null==t?void 0:t.name',
  },
  {
    why: 'call watched',
    text: 'if(void 0!==r)r.e=i;else f(function(){var i;null==(i=t.W)||i.call(t)})',
    by: 'if(void 0!==r)r.e=i',
  },
  {
    why: 'call unwatched',
    text: 'if(i===this.t){this.t=n;if(void 0===n)f(function(){var i;null==(i=t.Z)||i.call(t)})}',
    by: 'if(i===this.t)this.t=n',
  },
  {
    why: 'subscribe and conversions',
    text: 'l.prototype.subscribe=function(i){var t=this;return x(function(){var r=t.value;f(function(){return i(r)})},{name:"sub"})};l.prototype.valueOf=function(){return this.value};l.prototype.toString=function(){return this.value+""};l.prototype.toJSON=function(){return this.value};',
  },
];

/**
 * The widget's signals-core: `SIGNALS_CUTS`, and `Computed` with `computed()` found by their exported
 * names. Should a module import either, the build fails on the missing export.
 */
export const signalsTrimmed: Plugin = {
  name: 'herald-signals-trimmed',
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
        throw new Error(
          'herald-signals-trimmed: the library changed shape (cut "computed"): update or remove the cut',
        );
      }
      return applyCuts(rest, SIGNALS_CUTS, 'herald-signals-trimmed');
    },
  },
};
