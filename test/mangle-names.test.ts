// @vitest-environment happy-dom
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Component } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { readMangleNames } from '../scripts/build/mangle-props.ts';
import { readConfig } from '../widget/loader/config.ts';
import { createHerald, type HeraldEventName } from '../widget/loader/herald.ts';
import { globalNames } from './support/global-names.ts';

const root = join(import.meta.dirname, '..');
const names = readMangleNames(join(root, 'widget/mangle.json'));
const mangled = Object.keys(names);

/** Every property name of the JSON the server and the widget exchange: every key of every API schema. */
async function serverNames(): Promise<Set<string>> {
  const found = new Set<string>();
  const walk = (json: unknown): void => {
    if (!json || typeof json !== 'object') return;
    const { properties } = json as { properties?: Record<string, unknown> };
    for (const key of Object.keys(properties ?? {})) found.add(key);
    for (const value of Object.values(json)) walk(value);
  };
  const dir = join(root, 'server/schema');
  for (const file of readdirSync(dir).filter((f) => /^[a-z-]+\.ts$/.test(f))) {
    for (const value of Object.values(await import(join(dir, file)))) {
      if (!(value instanceof z.ZodType)) continue;
      for (const io of ['input', 'output'] as const)
        walk(z.toJSONSchema(value, { io, unrepresentable: 'any' }));
    }
  }
  return found;
}

/**
 * `window.Herald` as a page sees it, the names its `on` takes, the stub's queue, and the settings the
 * loader reads from its script tag's `data-*` attributes.
 */
function publicNames(): Set<string> {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response('{}')),
  );
  const page = new DOMParser().parseFromString(
    '<script async src="https://herald.test/widget.js" data-site="pk_test"></script>',
    'text/html',
  );
  const config = readConfig(page);
  if (!config) throw new Error('readConfig found no script tag');
  const { api } = createHerald(config, async () => ({ start: () => ({}) as never }));
  const events = { ready: true, show: true, dismiss: true, response: true } satisfies Record<
    HeraldEventName,
    true
  >;
  return new Set(['Herald', 'q', ...Object.keys(api), ...Object.keys(events), ...Object.keys(config)]);
}

/**
 * What Preact reads by name: a component's methods and lifecycle, a vnode's `key`, `ref` and
 * `children`, and every element prop, which it sets on the DOM by name (event handlers included).
 */
const PREACT = [
  ...Object.getOwnPropertyNames(Component.prototype),
  ...['props', 'state', 'context', 'key', 'ref', 'children', 'class', 'className', 'style'],
  ...['componentWillMount', 'componentDidMount', 'componentWillUnmount', 'componentDidCatch'],
  ...['componentWillReceiveProps', 'shouldComponentUpdate', 'componentWillUpdate', 'componentDidUpdate'],
  ...['getDerivedStateFromProps', 'getDerivedStateFromError', 'getSnapshotBeforeUpdate'],
  ...['getChildContext', 'contextType', 'defaultProps', 'displayName', 'dangerouslySetInnerHTML'],
];

/** The widget's own source files, tests left out. */
function widgetSource(dir = join(root, 'widget')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return widgetSource(path);
    return /(?<!\.test)\.tsx?$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('the property names the widget build mangles (widget/mangle.json)', () => {
  it('include none that the server’s JSON uses', async () => {
    const server = await serverNames();
    expect(server).toContain('messages');
    expect(server).toContain('display');
    expect(mangled.filter((n) => server.has(n))).toEqual([]);
  });

  it('include none of window.Herald, its events, its stub or its script tag’s settings', () => {
    const page = publicNames();
    expect(page).toContain('openFeed');
    expect(mangled.filter((n) => page.has(n))).toEqual([]);
  });

  it('include no DOM or JavaScript built-in and nothing Preact reads by name', () => {
    // happy-dom's DOM here; test/browser/built-widget.test.ts asks Chromium's, which has more.
    const builtins = new Set(globalNames());
    expect(builtins).toContain('adoptedStyleSheets');
    const clash = mangled.filter((n) => builtins.has(n) || PREACT.includes(n) || /^on[A-Z]/.test(n));
    expect(clash).toEqual([]);
  });

  it('give each name a short name of its own, in the $ namespace no library uses', () => {
    const short = Object.values(names);
    expect(short.filter((s) => !/^\$[A-Za-z]+$/.test(s))).toEqual([]);
    expect(new Set(short).size).toBe(short.length);
  });

  it('list only names the widget’s source uses', () => {
    const source = widgetSource().join('\n');
    expect(mangled.filter((n) => !new RegExp(`\\b${n}\\b`).test(source))).toEqual([]);
  });
});
