import { useEffect, useState } from 'preact/hooks';
import { useAdmin } from './context.ts';

/** One navigation link, marked as the current page when it is (its path, pages under it unless `exact`, or `also`). */
type ItemProps = { to: string; label: string; current: string; also?: RegExp; exact?: boolean };
function Item({ to, label, current, also, exact }: ItemProps) {
  const { router } = useAdmin();
  const here = current === to || (!exact && current.startsWith(`${to}/`)) || (also?.test(current) ?? false);
  return (
    <li>
      <a href={router.href(to)} aria-current={here ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
}

/**
 * The main navigation: the site being worked on (a switcher), its pages, and the admin-only pages.
 * On a phone it folds behind a "Menu" button and folds again after each navigation.
 */
export function Nav() {
  const { router, sites, session } = useAdmin();
  const [open, setOpen] = useState(false);
  const path = router.path.value;
  const site = sites.current.value;
  const list = sites.list.value ?? [];
  useEffect(() => setOpen(false), [path]);
  return (
    <nav class={open ? 'sidenav open' : 'sidenav'} aria-label="Main">
      <button
        type="button"
        class="menu-toggle button ghost"
        aria-expanded={open}
        aria-controls="nav-body"
        onClick={() => setOpen(!open)}
      >
        Menu
      </button>
      <div id="nav-body" class="nav-body">
        {list.length > 0 && site && (
          <div class="field site-switch">
            <label for="site-switch">Site</label>
            <select
              id="site-switch"
              value={site.id}
              onChange={(e) => {
                const id = e.currentTarget.value;
                sites.select(id);
                router.navigate(`/sites/${id}/messages`);
              }}
            >
              {list.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <ul>
          {site && (
            <Item to={`/sites/${site.id}/messages`} label="Messages" current={path} also={/^\/messages\//} />
          )}
          {site && (
            <Item to={`/sites/${site.id}/releases`} label="Releases" current={path} also={/^\/releases\//} />
          )}
          {site && <Item to={`/sites/${site.id}/segments`} label="Segments" current={path} />}
          {site && <Item to={`/sites/${site.id}/users`} label="Users" current={path} />}
          {site && <Item to={`/sites/${site.id}/settings`} label="Site settings" current={path} />}
          <Item to="/sites" label="All sites" current={path} exact />
          {session.isAdmin.value && <Item to="/accounts" label="Accounts" current={path} />}
          {session.isAdmin.value && <Item to="/audit" label="Audit log" current={path} />}
        </ul>
      </div>
    </nav>
  );
}
