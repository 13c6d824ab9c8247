import { readFileSync } from 'node:fs';
import { minify, type Plugin, parseSync, Visitor } from 'vite';

/** `widget/mangle.json`: the widget's internal property names, each with the short name the build gives it. */
export type MangleNames = Record<string, string>;

/** Reads the `props` table of a names file (`widget/mangle.json`). */
export function readMangleNames(file: string): MangleNames {
  return (JSON.parse(readFileSync(file, 'utf8')) as { props: MangleNames }).props;
}

/** A chunk's property names written as names (`o.x`, `{ x }`, `x() {}`) and its string literals. */
function namesIn(code: string, file: string): { props: Set<string>; strings: Set<string> } {
  const props = new Set<string>();
  const strings = new Set<string>();
  const key = (node: { computed: boolean; key: unknown }) => {
    const k = node.key as { type: string; name?: string };
    if (!node.computed && k.type === 'Identifier' && k.name) props.add(k.name);
  };
  new Visitor({
    MemberExpression(node) {
      if (!node.computed && node.property.type === 'Identifier') props.add(node.property.name);
    },
    Property: key,
    MethodDefinition: key,
    PropertyDefinition: key,
    Literal(node) {
      if (typeof node.value === 'string') strings.add(node.value);
    },
  }).visit(parseSync(file, code).program);
  return { props, strings };
}

/**
 * Shortens the widget's own internal property names in every chunk before the minifier runs, as Preact's
 * build does with its `mangle.json`: only the names listed in `names` (`widget/mangle.json`), each to the
 * short name listed beside it. Listing them, rather than mangling whatever matches a pattern, is what
 * keeps the server's JSON, `window.Herald`, DOM and Preact props whole (`test/mangle-names.test.ts`
 * refuses a listed name that any of those uses). Fixed short names keep the chunks and the loader
 * agreeing with each other; Rolldown's own `minify.mangleProps` works on single-chunk builds only.
 *
 * The build fails, naming the property, where mangling would go wrong: a chunk that already has a
 * property by one of the short names, or that spells a listed name as a string (`'x' in o`, `o['x']`,
 * `{ 'x': 1 }`), which mangling leaves as it is.
 */
export function mangleProps(names: MangleNames): Plugin {
  const include = new RegExp(`^(${Object.keys(names).join('|')})$`);
  const short = new Set(Object.values(names));
  return {
    name: 'herald-mangle-props',
    apply: 'build',
    async renderChunk(code, chunk) {
      const { props, strings } = namesIn(code, chunk.fileName);
      const taken = [...short].filter((s) => props.has(s));
      const quoted = Object.keys(names).filter((n) => strings.has(n));
      if (taken.length || quoted.length) {
        throw new Error(
          `${chunk.fileName}: ${[
            ...taken.map((s) => `the short name ${s} is a property already`),
            ...quoted.map((n) => `"${n}" is written as a string, which mangling would leave behind`),
          ].join('; ')} (widget/mangle.json)`,
        );
      }
      const result = await minify(chunk.fileName, code, {
        compress: false,
        mangle: false,
        codegen: { removeWhitespace: false },
        mangleProps: { include, cache: names },
      });
      if (result.errors.length) throw new Error(`${chunk.fileName}: ${result.errors[0]?.message}`);
      return { code: result.code, map: null };
    },
  };
}
