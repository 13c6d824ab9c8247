// Test helpers for the admin (used only by *.test.tsx): a fake server behind the real API client, the app
// rendered at an address, and queries by label and by button name, as a person finds controls.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { onTestFinished } from 'vitest';
import type { Role } from '../server/schema/account.ts';
import { createClient } from './api/client.ts';
import { createHeraldApi } from './api/herald-api.ts';
import { App } from './app/app.tsx';
import { type Admin, createAdmin } from './app/context.ts';
import { createRouter } from './app/router.ts';
import { baseRoutes } from './test-fixtures.ts';

/** A request as the fake server saw it. */
export type Seen = { method: string; path: string; headers: Record<string, string>; body: unknown };
/** An answer: a status, a JSON body and, if need be, headers. */
export type Answer = [number, unknown] | [number, unknown, Record<string, string>];
/** Answers one request, at once or when its promise settles (a slow server). */
export type Handler = (req: Seen) => Answer | Promise<Answer>;

/**
 * A `fetch` that answers from `routes`, keyed `"METHOD /path"` (query left out); anything else is a 404.
 * Every request is recorded in `seen`.
 */
export function fakeServer(routes: Record<string, Handler | Answer>) {
  const seen: Seen[] = [];
  const fetch = async (url: string | URL | Request, init: RequestInit = {}) => {
    const path = String(url).split('?')[0] ?? '';
    const req: Seen = {
      method: init.method ?? 'GET',
      path,
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    seen.push(req);
    const route = routes[`${req.method} ${path}`];
    const [status, body, headers = {}] =
      typeof route === 'function'
        ? await route(req)
        : (route ?? [404, { error: { code: 'not_found', message: 'no route' } }]);
    return new Response(status === 204 ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

/** A signed-in session for a role. */
export const sessionAs = (role: Role): Answer => [
  200,
  {
    account: {
      id: `acc_${role}`,
      email: `${role}@example.com`,
      role,
      disabled: false,
      createdAt: '2026-11-26T10:00:00.000Z',
      updatedAt: '2026-11-26T10:00:00.000Z',
    },
    csrfToken: 'csrf-123',
  },
];

/** Lets pending promises and Preact renders settle. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await act(() => new Promise<void>((r) => setTimeout(r, 0)));
}

/**
 * Renders the whole admin at `/admin{path}` against fake routes, until the test ends; `unmount` stops it
 * (and its pollers) sooner, for a test that renders again.
 */
export async function renderAdmin(path: string, routes: Parameters<typeof fakeServer>[0]) {
  history.replaceState(null, '', `/admin${path}`);
  const server = fakeServer(routes);
  const admin: Admin = createAdmin(
    createHeraldApi(createClient({ fetch: server.fetch })),
    createRouter('/admin'),
  );
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(() => render(<App admin={admin} />, root));
  await settle();
  const unmount = () => act(() => render(null, root));
  onTestFinished(unmount);
  return { root, admin, seen: server.seen, unmount };
}

/**
 * The admin at `/admin{path}`, signed in as `role`, answering the routes every page touches and `routes`
 * (which win over those).
 *
 * @example const app = await renderAs('editor', '/messages/msg_1', { 'PATCH /api/messages/msg_1': [200, saved] })
 */
export function renderAs(role: Role, path: string, routes: Parameters<typeof fakeServer>[0] = {}) {
  return renderAdmin(path, { ...baseRoutes, 'GET /api/session': sessionAs(role), ...routes });
}

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The control a `<label>` with exactly this text names. */
export function byLabel(root: ParentNode, label: string): HTMLElement {
  const found = [...root.querySelectorAll('label')].filter((l) => text(l) === label);
  if (found.length !== 1) throw new Error(`${found.length} labels "${label}"`);
  const id = found[0]?.getAttribute('for');
  const el = id ? document.getElementById(id) : found[0]?.querySelector('input,select,textarea');
  if (!el) throw new Error(`label "${label}" names nothing`);
  return el as HTMLElement;
}

/** The accessible names of the buttons in `root` (aria-label, else text). */
export function buttonNames(root: ParentNode): string[] {
  return [...root.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? text(b));
}

/** The one button with this name. */
export function button(root: ParentNode, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].filter(
    (b) => (b.getAttribute('aria-label') ?? text(b)) === name,
  );
  if (found.length !== 1)
    throw new Error(`${found.length} buttons "${name}"; there are ${JSON.stringify(buttonNames(root))}`);
  return found[0] as HTMLButtonElement;
}

/** Types into an input or textarea (sets the value and fires `input`). */
export async function type(el: HTMLElement, value: string): Promise<void> {
  await act(() => {
    (el as HTMLInputElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Picks an option of a select (sets the value and fires `change`). */
export async function choose(el: HTMLElement, value: string): Promise<void> {
  await act(() => {
    (el as HTMLSelectElement).value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Clicks and lets the app settle. */
export async function click(el: HTMLElement): Promise<void> {
  await act(() => el.click());
  await settle();
}
