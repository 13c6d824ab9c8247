import { useEffect, useState } from 'preact/hooks';
import { useAdmin } from '../app/context.ts';
import { PageHead } from '../app/page-head.tsx';
import { handleSubmit } from '../forms/handle-submit.ts';
import { UserDetails } from './user-details.tsx';
import { createUserLookup } from './user-lookup-model.ts';

/** Look up one user of the site; the address keeps the key (`?key=u_42`) so a lookup can be shared. */
export function UsersPage({ siteId }: { siteId: string }) {
  const { api, router } = useAdmin();
  const [m] = useState(() => createUserLookup(api, siteId));
  const initial = router.query.value.get('key') ?? '';
  const [text, setText] = useState(initial);
  useEffect(() => {
    if (initial) void m.lookup(initial);
  }, []);
  const u = m.user.value;
  return (
    <>
      <PageHead title="Users" />
      <form
        class="card inline-form"
        aria-label="Look up a user"
        onSubmit={handleSubmit(() => {
          router.navigate(`/sites/${siteId}/users?key=${encodeURIComponent(text.trim())}`, { replace: true });
          void m.lookup(text);
        })}
      >
        <div class="field grow">
          <label for="user-key">User id or anonymous id</label>
          <input id="user-key" class="mono" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button primary" disabled={m.busy.value}>
          Look up
        </button>
      </form>
      <div role="status">{m.problem.value && <p class="alert">{m.problem.value}</p>}</div>
      {u && (
        <>
          <p class="user-key">
            User <code>{u.key}</code>
          </p>
          <UserDetails u={u} messageHref={(id) => router.href(`/messages/${id}/results`)} />
        </>
      )}
    </>
  );
}
