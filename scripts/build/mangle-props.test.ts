import { describe, expect, it } from 'vitest';
import { mangleProps } from './mangle-props.ts';

/** Runs the plugin on one chunk's code, as Rolldown would before minifying it. */
async function mangle(code: string): Promise<string> {
  const plugin = mangleProps({ actions: '$a', banners: '$b' });
  const renderChunk = plugin.renderChunk as unknown as (
    code: string,
    chunk: { fileName: string },
  ) => Promise<{ code: string }>;
  return (await renderChunk(code, { fileName: 'ui.js' })).code;
}

describe('mangleProps', () => {
  it('shortens the listed names wherever they are written as names, and leaves every other name whole', async () => {
    const out = await mangle(
      'const view = { actions: { go() {} }, banners: [], messages: [] };\n' +
        'const { banners } = view;\n' +
        'view.actions.go(view.messages, banners);\n',
    );
    expect(out).toContain('$a:');
    expect(out).toContain('view.$a.go(view.messages');
    expect(out).toContain('{ $b: banners }');
    expect(out).not.toMatch(/\bactions\b/);
    expect(out).toContain('messages: []');
  });

  it('fails the build on a listed name written as a string, which mangling would leave behind', async () => {
    await expect(mangle("const o = { actions: 1 };\nif ('actions' in o) o.actions++;\n")).rejects.toThrow(
      /"actions" is written as a string/,
    );
  });

  it('fails the build when a chunk already has a property by one of the short names', async () => {
    await expect(mangle('const o = { $a: 1, actions: 2 };\n')).rejects.toThrow(
      /the short name \$a is a property already/,
    );
  });
});
