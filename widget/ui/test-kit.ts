// Test helpers for the widget's components (used only by *.test.tsx): a fake view made of signals with
// spy actions, sample messages, the UI mounted in a real shadow root, and queries by role and name.

import { act } from 'preact/test-utils';
import { afterEach, beforeEach, vi } from 'vitest';
import type { ShownMessage } from '../../server/schema/decide.ts';
import { mountUi } from './mount.tsx';
import { sampleMessage, signalView } from './preview-kit.ts';

/** A view whose signals the test can set, and whose actions are spies. */
export function fakeView() {
  return signalView({
    shown: vi.fn(),
    dismiss: vi.fn(),
    click: vi.fn(),
    respond: vi.fn(),
    openFeed: vi.fn(),
    closeFeed: vi.fn(),
    feedSeen: vi.fn(),
    react: vi.fn(),
  });
}
export type FakeView = ReturnType<typeof fakeView>;

/** A message as `/v1/decide` returns it; an announcement in a modal unless overridden. */
export const message = sampleMessage;

// The surfaces' lazy chunks are plain modules here: importing them once up front lets a test wait one
// task for a surface (see `settle`) rather than for a module transform.
await Promise.all(
  ['modal', 'banner', 'slideout', 'survey', 'feed-launcher', 'feed-panel', 'tooltip'].map(
    (name) => import(`./${name}.tsx`),
  ),
);

/** Lets what is in flight land and render: lazy chunks (already imported, see above) and language tables. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await act(() => vi.dynamicImportSettled());
}

let unmount = () => {};

/** Mounts the UI the way the runtime does: `mountUi` into an open shadow root of a host on the page. */
export async function mount(view: FakeView): Promise<ShadowRoot> {
  unmount();
  const pageButton = document.createElement('button');
  pageButton.id = 'page-button';
  pageButton.textContent = 'Page';
  document.body.replaceChildren(pageButton);
  const host = document.createElement('div');
  host.id = 'herald-root';
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  await act(() => {
    unmount = mountUi(shadow, view);
  });
  return shadow;
}

/**
 * For a suite: before each test, a fresh fake view and the UI mounted with it.
 *
 * @example const ui = freshUi(); it('…', async () => { await show(ui.view, message()); byRole(ui.shadow, …) });
 */
export function freshUi(): { view: FakeView; shadow: ShadowRoot } {
  const ui = {} as { view: FakeView; shadow: ShadowRoot };
  beforeEach(async () => {
    ui.view = fakeView();
    ui.shadow = await mount(ui.view);
  });
  afterEach(() => {
    unmount();
    unmount = () => {};
  });
  return ui;
}

/** Makes `m` the current interrupting message (or none) and lets it render. */
export async function show(view: FakeView, m: ShownMessage | null): Promise<void> {
  await act(() => {
    view.current.value = m;
  });
  await settle();
}

/** Changes the view (or anything) and lets Preact render and run effects, and lazy chunks arrive. */
export async function update(fn: () => void): Promise<void> {
  await act(fn);
  await settle();
}

const IMPLICIT: Record<string, string> = {
  BUTTON: 'button',
  SECTION: 'region',
  FIELDSET: 'group',
  TEXTAREA: 'textbox',
  A: 'link',
  IMG: 'img',
  UL: 'list',
  OL: 'list',
  LI: 'listitem',
};

/** The accessible name as a screen reader would compute it for these simple cases. */
export function nameOf(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return label;
  const by = el.getAttribute('aria-labelledby');
  const root = el.getRootNode() as ParentNode & { getElementById?: (id: string) => Element | null };
  if (by)
    return by
      .split(' ')
      .map((id) => root.querySelector(`[id="${id}"]`)?.textContent ?? '')
      .join(' ');
  const wrapping = el.closest('label');
  if (wrapping) return wrapping.firstChild?.textContent?.trim() ?? '';
  return el.textContent?.trim() ?? '';
}

const roleOf = (el: Element) => el.getAttribute('role') ?? IMPLICIT[el.tagName] ?? '';

/** All elements with a role (explicit or implicit), optionally with an exact accessible name. */
export function allByRole(root: ParentNode, role: string, name?: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('*')].filter(
    (el) => roleOf(el) === role && (name === undefined || nameOf(el) === name),
  );
}

/** The one element with this role and name; throws with what there is when there is not exactly one. */
export function byRole(root: ParentNode, role: string, name?: string): HTMLElement {
  const found = allByRole(root, role, name);
  if (found.length !== 1) {
    const names = allByRole(root, role).map(nameOf);
    throw new Error(`${found.length} ${role} named ${name}; ${role}s here: ${JSON.stringify(names)}`);
  }
  return found[0] as HTMLElement;
}

/** The element with focus, looking into the shadow root like assistive technology does. */
export function focused(shadow: ShadowRoot): Element | null {
  return shadow.activeElement ?? document.activeElement;
}

/** Presses a key on an element (keydown, bubbling and composed, as a real key press). */
export async function press(el: Element, key: string, init: KeyboardEventInit = {}): Promise<void> {
  await act(() => {
    el.dispatchEvent(
      new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }),
    );
  });
}

/** Waits (for a lazy chunk or a language table) until exactly one element has this role and name. */
export function findByRole(root: ParentNode, role: string, name?: string): Promise<HTMLElement> {
  return vi.waitFor(async () => {
    await act(() => {});
    return byRole(root, role, name);
  });
}

/** Clicks an element. */
export async function click(el: Element): Promise<void> {
  await act(() => (el as HTMLElement).click());
}
