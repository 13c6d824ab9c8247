import { useEffect, useState } from 'preact/hooks';
import type { DemoData } from '../../server/schema/demo-data.ts';
import { useAdmin } from '../app/context.ts';

/**
 * Says plainly when a site's numbers include the simulated pilot `npm start` seeded — so nobody mistakes
 * them for real users — and lets an admin remove them with one click (the server audits it).
 * `onRemoved` reloads what showed them. Nothing is shown when the site has no demo data.
 */
export function DemoDataNotice({ siteId, onRemoved }: { siteId: string; onRemoved(): void }) {
  const { api, session } = useAdmin();
  const [data, setData] = useState<DemoData | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.demoData
      .get(siteId)
      .then(setData)
      .catch(() => setData(null));
  }, [siteId]);
  if (!data || data.users === 0) return null;
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.demoData.remove(siteId);
      setData({ users: 0, events: 0 });
      onRemoved();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card demo-data" aria-labelledby="demo-data-title">
      <h2 id="demo-data-title">Demo data</h2>
      <p>
        These numbers include two weeks of <strong>simulated</strong> pilot traffic (
        {data.users.toLocaleString('en')} made-up users, {data.events.toLocaleString('en')} events), seeded so
        you can see the loop at work before real users arrive.
      </p>
      {session.isAdmin.value ? (
        <button type="button" class="button danger-outline" disabled={busy} onClick={remove}>
          {busy ? 'Removing demo data…' : 'Remove demo data'}
        </button>
      ) : (
        <p class="hint">An admin can remove it.</p>
      )}
      {error && (
        <p class="alert" role="alert">
          Could not remove the demo data: {error}
        </p>
      )}
    </section>
  );
}
