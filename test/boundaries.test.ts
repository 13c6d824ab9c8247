import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .ts/.tsx file below a folder, tests included. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The module specifiers a file imports at run time (type-only imports are erased and do not count). */
function runtimeImports(path: string): string[] {
  const source = readFileSync(path, 'utf8');
  const specs: string[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    if (!m[2]) specs.push(m[3] as string);
  }
  for (const m of source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1] as string);
  return specs;
}

const root = resolve(import.meta.dirname, '..');
const inside = (file: string, spec: string) => relative(root, resolve(dirname(file), spec));

describe('import boundaries', () => {
  it('keeps server/core pure: it imports only server/core, server/schema, the markdown parser and RE2', () => {
    const offenders: string[] = [];
    for (const file of files(join(root, 'server/core')).filter((f) => !f.endsWith('.test.ts'))) {
      for (const spec of runtimeImports(file)) {
        const ok = spec.startsWith('.')
          ? /^server\/(core|schema)\//.test(inside(file, spec))
          : (spec === 'mdast-util-from-markdown' && file.endsWith('content/markdown.ts')) ||
            (spec === 're2js' && file.endsWith('conditions/regex.ts'));
        if (!ok) offenders.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('keeps zod and server code out of the widget bundle: only types from server/schema, pure helpers from server/core', () => {
    const offenders: string[] = [];
    for (const file of files(join(root, 'widget')).filter((f) => !/\.test\.tsx?$/.test(f))) {
      for (const spec of runtimeImports(file)) {
        const bad =
          spec === 'zod' || (spec.startsWith('.') && /^server\/(?!core\/)/.test(inside(file, spec)));
        if (bad) offenders.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('reads the environment only in server/main.ts', () => {
    const offenders = files(join(root, 'server'))
      .filter((f) => !f.endsWith('.test.ts') && !f.endsWith('main.ts'))
      .filter((f) => /process\.env/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });
});
