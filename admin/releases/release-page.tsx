import { useEffect } from 'preact/hooks';
import type { Message } from '../../server/schema/message.ts';
import { useAdmin } from '../app/context.ts';
import { usePageTitle } from '../app/page-title.ts';
import { useRunning } from '../app/use-running.ts';
import { Alert } from '../forms/data-table.tsx';
import { StatusBadge } from '../messages/status-badge.tsx';
import { DemoDataNotice } from '../sites/demo-data-notice.tsx';
import { HistoryTimeline } from './history-timeline.tsx';
import { PauseBanner } from './pause-banner.tsx';
import { createReleaseView } from './release-model.ts';
import { ReportSection } from './report-section.tsx';
import { RolloutPanel } from './rollout-panel.tsx';
import { VerifiedFeedback } from './verified-feedback.tsx';

/** The messages that follow the release, with a word on how to attach one. */
function Following({ messages }: { messages: Message[] | null }) {
  const { router } = useAdmin();
  return (
    <section class="card following" aria-labelledby="following-title">
      <h2 id="following-title">Messages that follow this release</h2>
      {messages === null ? (
        <p role="status">Loading messages…</p>
      ) : messages.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <ul class="plain-list">
          {messages.map((m) => (
            <li key={m.id}>
              <a href={router.href(`/messages/${m.id}`)}>{m.name}</a> <StatusBadge status={m.status} />
            </li>
          ))}
        </ul>
      )}
      <p class="hint">
        To attach a message, choose this release under Delivery → Release in its editor. It then reaches only
        exposed users, widens with each phase and stops when the release is paused or rolled back.
      </p>
    </section>
  );
}

/** One release: where its rollout stands and the controls, its report, its messages and its history. */
export function ReleasePage({ releaseId }: { releaseId: string }) {
  const { api, router, session, sites } = useAdmin();
  const v = useRunning(() => createReleaseView(api, releaseId));
  const r = v.release.value;
  const siteId = r?.siteId;
  useEffect(() => {
    if (siteId) sites.select(siteId);
  }, [siteId]);
  usePageTitle(r ? `Release: ${r.name}` : 'Release');
  // The demo site's page embeds the widget: the place to watch this release reach Maya in Austin.
  const demo = sites.list.value?.some((s) => s.id === siteId && s.publicKey === 'pk_demo');
  return (
    <>
      <div class="page-head">
        <h1>{r ? r.name : 'Release'}</h1>
        <div class="head-links">
          {demo && (
            <a class="button ghost" href="/demo/">
              Open the demo page
            </a>
          )}
          {r && session.canWrite.value && (
            <a class="button ghost" href={router.href(`/releases/${r.id}/edit`)}>
              Edit release
            </a>
          )}
        </div>
      </div>
      {r && <PauseBanner r={r} />}
      {r && (
        <p class="muted small">
          Key <code>{r.key}</code> · updates every few seconds while this page is open
          {v.updatedAt.value ? `; last at ${v.updatedAt.value.toLocaleTimeString()}` : ''}.
        </p>
      )}
      <Alert text={v.error.value} />
      {!r ? (
        !v.error.value && <p role="status">Loading release…</p>
      ) : (
        <>
          <DemoDataNotice siteId={r.siteId} onRemoved={v.refresh} />
          <RolloutPanel v={v} />
          <VerifiedFeedback v={v} />
          <ReportSection v={v} />
          <Following messages={v.messages.value} />
          <HistoryTimeline r={r} />
        </>
      )}
    </>
  );
}
