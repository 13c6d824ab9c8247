// @vitest-environment happy-dom
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Signals from '@preact/signals-core';
import type * as Preact from 'preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { guardWidget, preactTrimmed, signalsTrimmed } from '../scripts/widget-trims.ts';

type Handler = (code: string, id: string) => string | null;
const handler = (plugin: typeof preactTrimmed) =>
  (plugin.transform as unknown as { handler: Handler }).handler;

const modules = join(import.meta.dirname, '../node_modules');
const preactFile = join(modules, 'preact/dist/preact.mjs');
const signalsFile = join(modules, '@preact/signals-core/dist/signals-core.module.js');
const original = readFileSync(preactFile, 'utf8');

/** A library as the widget's build makes it, written out and imported. */
async function trimmed<T>(file: string, plugin: typeof preactTrimmed): Promise<T> {
  // Inside the project, where Vitest's module runner may load it from.
  const dir = join(modules, '.cache/herald');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `${plugin.name}-${process.pid}.mjs`);
  writeFileSync(out, handler(plugin)(readFileSync(file, 'utf8'), file) as string);
  return import(/* @vite-ignore */ out);
}

let p: typeof Preact;
let s: typeof Signals;
beforeAll(async () => {
  p = await trimmed(preactFile, preactTrimmed);
  s = await trimmed(signalsFile, signalsTrimmed);
});

const root = () => document.body.appendChild(document.createElement('div'));
/** Renders and lets Preact's queued re-renders (setState) run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the widget’s trimmed Preact', () => {
  it('is smaller than the release it cuts', () => {
    const trimmed = handler(preactTrimmed)(original, preactFile) as string;
    expect(trimmed.length).toBeLessThan(original.length - 1000);
  });

  it('renders, updates keyed lists in place and unmounts', () => {
    const { h, render } = p;
    const el = root();
    const list = (ids: string[]) =>
      h(
        'ul',
        null,
        ids.map((id) => h('li', { key: id }, id)),
      );
    render(list(['a', 'b', 'c']), el);
    const b = el.querySelectorAll('li')[1];
    render(list(['c', 'b']), el);
    expect(el.textContent).toBe('cb');
    expect(el.querySelectorAll('li')[1]).toBe(b);
    render(null, el);
    expect(el.innerHTML).toBe('');
  });

  it('runs class components’ mount, update and unmount hooks and setState', async () => {
    const { h, render, Component } = p;
    const calls: string[] = [];
    class Counter extends Component<{ step: number }, { n: number }> {
      override state = { n: 0 };
      override componentDidMount() {
        calls.push('mount');
      }
      override componentDidUpdate(prev: { step: number }) {
        calls.push(`update from ${prev.step}`);
      }
      override componentWillUnmount() {
        calls.push('unmount');
      }
      override render() {
        return h(
          'button',
          { onClick: () => this.setState({ n: this.state.n + this.props.step }) },
          this.state.n,
        );
      }
    }
    const el = root();
    render(h(Counter, { step: 2 }), el);
    el.querySelector('button')?.click();
    await settle();
    expect(el.textContent).toBe('2');
    render(h(Counter, { step: 3 }), el);
    render(null, el);
    expect(calls).toEqual(['mount', 'update from 2', 'update from 2', 'unmount']);
  });

  it('lets an error boundary catch a render error and draw without the broken part', async () => {
    const { h, render, Component } = p;
    class Guard extends Component<{ children: Preact.ComponentChildren }, { failed?: boolean }> {
      override componentDidCatch() {
        this.setState({ failed: true });
      }
      override render() {
        return this.state.failed ? h('p', null, 'safe') : this.props.children;
      }
    }
    const Broken = () => {
      throw new Error('broken');
    };
    const el = root();
    render(h(Guard, null, h('div', null, h(Broken, null))), el);
    await settle();
    expect(el.innerHTML).toBe('<p>safe</p>');
  });

  it('runs ref callbacks, and what they return when the element goes (the frames’ focus return)', () => {
    const { h, render } = p;
    const calls: string[] = [];
    const opened = (el: HTMLElement | null) => {
      if (!el) return;
      calls.push(`in ${el.tagName}`);
      return () => calls.push('out');
    };
    const el = root();
    render(h('section', { ref: opened }, 'a'), el);
    render(h('section', { ref: opened }, 'b'), el);
    render(null, el);
    expect(calls).toEqual(['in SECTION', 'out']);
  });

  it('sets properties, attributes and style variables, and never HTML', () => {
    const { h, render } = p;
    const el = root();
    render(
      h('div', {
        class: 'w',
        dir: 'rtl',
        'aria-pressed': true,
        tabIndex: -1,
        style: { '--herald-brand': 'red' },
        dangerouslySetInnerHTML: { __html: '<b>x</b>' },
      }),
      el,
    );
    const div = el.firstElementChild as HTMLElement;
    expect(div.className).toBe('w');
    expect(div.dir).toBe('rtl');
    expect(div.getAttribute('aria-pressed')).toBe('true');
    expect(div.tabIndex).toBe(-1);
    expect(div.style.getPropertyValue('--herald-brand')).toBe('red');
    expect(div.querySelector('b')).toBeNull();
  });

  it('draws SVG in the SVG namespace (the feed launcher’s bell)', () => {
    const { h, render } = p;
    const el = root();
    render(h('svg', { viewBox: '0 0 24 24' }, h('path', { d: 'M0 0h1' })), el);
    expect(el.querySelector('path')?.namespaceURI).toBe('http://www.w3.org/2000/svg');
  });

  it('keeps the signals the widget uses: signal, effect, batch, untracked, peek', () => {
    const a = s.signal(1);
    const b = s.signal(2);
    const seen: number[] = [];
    const stop = s.effect(() => {
      seen.push(a.value + s.untracked(() => b.value));
    });
    s.batch(() => {
      a.value = 10;
      a.value = 20;
    });
    b.value = 5; // untracked: no run
    expect(a.peek()).toBe(20);
    stop();
    a.value = 0;
    expect(seen).toEqual([3, 22]);
  });

  it('leaves out computed and a signal’s subscribe and conversions', () => {
    expect('computed' in s).toBe(false);
    const a = s.signal(1) as unknown as Record<string, unknown>;
    expect([a.subscribe, a.toJSON]).toEqual([undefined, undefined]);
  });

  it('fails the build, naming the cut, when Preact changes shape', () => {
    expect(() => handler(preactTrimmed)(original.replace('getChildContext', 'x'), preactFile)).toThrow(
      /changed shape \(cut "getChildContext"\)/,
    );
  });

  it('fails the build when a widget module uses what was cut', () => {
    const guard = handler(guardWidget);
    expect(guard('export const x = 1;', '/repo/widget/ui/a.tsx')).toBeNull();
    expect(() =>
      guard('class A extends Component { shouldComponentUpdate() {} }', '/repo/widget/ui/a.tsx'),
    ).toThrow(/uses shouldComponentUpdate/);
  });
});
