import { computed, signal } from '@preact/signals';

/** The pages of the admin. */
export type RouteName =
  | 'home'
  | 'sign-in'
  | 'sites'
  | 'site-settings'
  | 'messages'
  | 'message-new'
  | 'message'
  | 'results'
  | 'users'
  | 'segments'
  | 'releases'
  | 'release-new'
  | 'release'
  | 'release-edit'
  | 'accounts'
  | 'audit'
  | 'not-found';

export type Route = { name: RouteName; params: Record<string, string> };

const table: [string, RouteName][] = [
  ['/', 'home'],
  ['/sign-in', 'sign-in'],
  ['/sites', 'sites'],
  ['/sites/:siteId/settings', 'site-settings'],
  ['/sites/:siteId/messages', 'messages'],
  ['/sites/:siteId/messages/new', 'message-new'],
  ['/sites/:siteId/users', 'users'],
  ['/sites/:siteId/segments', 'segments'],
  ['/messages/:messageId', 'message'],
  ['/messages/:messageId/results', 'results'],
  ['/sites/:siteId/releases', 'releases'],
  ['/sites/:siteId/releases/new', 'release-new'],
  ['/releases/:releaseId', 'release'],
  ['/releases/:releaseId/edit', 'release-edit'],
  ['/accounts', 'accounts'],
  ['/audit', 'audit'],
];

/**
 * The route for a path inside the admin (without `/admin` and without the query).
 *
 * @example matchRoute('/messages/msg_1/results') // { name: 'results', params: { messageId: 'msg_1' } }
 */
export function matchRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean);
  for (const [pattern, name] of table) {
    const want = pattern.split('/').filter(Boolean);
    if (want.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = want.every((w, i) => {
      const part = parts[i] ?? '';
      if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(part);
      return w.startsWith(':') || w === part;
    });
    if (ok) return { name, params };
  }
  return { name: 'not-found', params: {} };
}

/** Whether a click on a link should be left to the browser (new tab, download, another page). */
function external(e: MouseEvent, a: HTMLAnchorElement, base: string): boolean {
  return (
    e.defaultPrevented ||
    e.button !== 0 ||
    e.metaKey ||
    e.ctrlKey ||
    e.shiftKey ||
    e.altKey ||
    (a.getAttribute('href') ?? '').startsWith('#') ||
    a.target !== '' ||
    a.hasAttribute('download') ||
    a.origin !== location.origin ||
    !(a.pathname === base || a.pathname.startsWith(`${base}/`))
  );
}

/**
 * History routing under `base` (the server answers every `/admin/*` page path with index.html).
 * Links are plain `<a href={router.href('/sites')}>`; clicks on them are taken over without a reload.
 *
 * @example const router = createRouter(); router.start(); router.navigate('/sites');
 */
export function createRouter(base = '/admin') {
  const strip = (p: string) => (p.startsWith(base) ? p.slice(base.length) : p) || '/';
  const path = signal(strip(location.pathname));
  const search = signal(location.search);
  const route = computed(() => matchRoute(path.value));
  /** The query of the current address, e.g. `?key=u_42`. */
  const query = computed(() => new URLSearchParams(search.value));

  function sync() {
    path.value = strip(location.pathname);
    search.value = location.search;
  }

  function navigate(to: string, { replace = false } = {}) {
    const url = base + to;
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    sync();
  }

  function onClick(e: MouseEvent) {
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a?.href || external(e, a, base)) return;
    e.preventDefault();
    navigate(strip(a.pathname) + a.search);
  }

  return {
    path,
    route,
    query,
    navigate,
    href: (to: string) => base + to,
    start() {
      addEventListener('popstate', sync);
      document.addEventListener('click', onClick);
      return () => {
        removeEventListener('popstate', sync);
        document.removeEventListener('click', onClick);
      };
    },
  };
}

export type Router = ReturnType<typeof createRouter>;
