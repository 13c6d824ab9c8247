import type { ComponentType } from 'preact';
import { useEffect } from 'preact/hooks';
import { AccountsPage } from '../accounts/accounts-page.tsx';
import { AuditPage } from '../accounts/audit-page.tsx';
import { MessageEditorPage } from '../editor/message-editor-page.tsx';
import { MessagesPage } from '../messages/messages-page.tsx';
import { ReleaseFormPage } from '../releases/release-form-page.tsx';
import { ReleasePage } from '../releases/release-page.tsx';
import { ReleasesPage } from '../releases/releases-page.tsx';
import { ResultsPage } from '../results/results-page.tsx';
import { SegmentsPage } from '../segments/segments-page.tsx';
import { SiteSettingsPage } from '../sites/site-settings-page.tsx';
import { SitesPage } from '../sites/sites-page.tsx';
import { UsersPage } from '../users/users-page.tsx';
import { useAdmin } from './context.ts';
import { usePageTitle } from './page-title.ts';
import type { RouteName } from './router.ts';

function Home() {
  const { router, sites } = useAdmin();
  const list = sites.list.value;
  const site = sites.current.value;
  useEffect(() => {
    if (list === null) return;
    router.navigate(site ? `/sites/${site.id}/messages` : '/sites', { replace: true });
  }, [list, site]);
  return <p role="status">Loading…</p>;
}

function Message({ title, text }: { title: string; text: string }) {
  usePageTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <p>{text}</p>
    </>
  );
}

/** The pages of one site: each is drawn afresh (`key`) when the site changes. */
const SITE_PAGES: Partial<Record<RouteName, ComponentType<{ siteId: string }>>> = {
  'site-settings': SiteSettingsPage,
  messages: MessagesPage,
  users: UsersPage,
  segments: SegmentsPage,
  releases: ReleasesPage,
};

/** The page for the current route; a route with a site in it makes that the site being worked on. */
export function CurrentPage() {
  const { router, sites, session } = useAdmin();
  const { name, params } = router.route.value;
  const siteId = params.siteId;
  useEffect(() => {
    if (siteId) sites.select(siteId);
  }, [siteId]);
  const admin = session.isAdmin.value;
  const only = <Message title="Admins only" text="Only admins can see this page." />;
  const SitePage = SITE_PAGES[name];
  if (SitePage) return <SitePage key={siteId} siteId={siteId ?? ''} />;
  switch (name) {
    case 'home':
    case 'sign-in':
      return <Home />;
    case 'sites':
      return <SitesPage />;
    case 'message-new':
      return <MessageEditorPage key={`new-${siteId}`} siteId={siteId ?? ''} messageId={null} />;
    case 'message':
      return <MessageEditorPage key={params.messageId} siteId={null} messageId={params.messageId ?? ''} />;
    case 'results':
      return <ResultsPage key={params.messageId} messageId={params.messageId ?? ''} />;
    case 'release-new':
      return <ReleaseFormPage key={`new-${siteId}`} siteId={siteId ?? ''} releaseId={null} />;
    case 'release':
      return <ReleasePage key={params.releaseId} releaseId={params.releaseId ?? ''} />;
    case 'release-edit':
      return (
        <ReleaseFormPage key={`edit-${params.releaseId}`} siteId={null} releaseId={params.releaseId ?? ''} />
      );
    case 'accounts':
      return admin ? <AccountsPage /> : only;
    case 'audit':
      return admin ? <AuditPage /> : only;
    default:
      return <Message title="Page not found" text="There is no page at this address." />;
  }
}
