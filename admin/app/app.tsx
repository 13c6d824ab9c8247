import { useEffect, useRef } from 'preact/hooks';
import { SignInPage } from '../sign-in/sign-in-page.tsx';
import { type Admin, AdminContext, useAdmin } from './context.ts';
import { Nav } from './nav.tsx';
import { CurrentPage } from './pages.tsx';

/**
 * The admin page: sign-in until there is a session, then the layout — skip link, header, navigation
 * (collapsible on phones) and the current page in `<main>`, which gets focus after each navigation so
 * screen readers start reading the new page.
 *
 * @example render(<App admin={createAdmin(api, router)} />, document.getElementById('app')!)
 */
export function App({ admin }: { admin: Admin }) {
  useEffect(() => {
    const stop = admin.router.start();
    void admin.session.restore();
    return stop;
  }, [admin]);
  return (
    <AdminContext.Provider value={admin}>
      <Shell />
    </AdminContext.Provider>
  );
}

function Shell() {
  const { session } = useAdmin();
  const status = session.status.value;
  if (status === 'checking')
    return (
      <p class="boot" role="status">
        Loading Herald…
      </p>
    );
  return status === 'signed-out' ? <SignInPage /> : <Layout />;
}

function Layout() {
  const { router, sites, session } = useAdmin();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const path = router.path.value;
  useEffect(() => {
    void sites.load();
  }, []);
  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [path]);
  return (
    <div class="layout">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <a class="brand" href={router.href('/')}>
          Herald
        </a>
        <div class="account">
          <span class="who">
            {session.account.value?.email} <span class="role">{session.role.value}</span>
          </span>
          <button type="button" class="button small ghost" onClick={() => session.signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <Nav />
      <main id="main" ref={main} tabIndex={-1}>
        <CurrentPage />
      </main>
    </div>
  );
}
