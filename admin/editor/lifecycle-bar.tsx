import { useAdmin } from '../app/context.ts';
import { ConfirmButton } from '../forms/confirm-button.tsx';
import { LiveStatus } from '../forms/error-summary.tsx';
import { StatusBadge } from '../messages/status-badge.tsx';
import type { MessageEditor } from './message-editor.ts';
import { PublishButton } from './publish-button.tsx';

/**
 * Save, publish, pause, archive, delete — with a confirmation for publish (who it reaches), archive and delete —
 * and the save status in a live region. Viewers see only the status and the results link.
 */
export function LifecycleBar({ ed, formId }: { ed: MessageEditor; formId: string }) {
  const { session, router } = useAdmin();
  const m = ed.saved.value;
  const status = m?.status ?? 'draft';
  const busy = ed.busy.value;
  const write = session.canWrite.value;
  return (
    <div class="lifecycle">
      <StatusBadge status={status} />
      {ed.dirty.value && m && <span class="unsaved">Unsaved changes</span>}
      {write && (
        <>
          <button type="submit" form={formId} class="button" disabled={busy}>
            Save
          </button>
          {(status === 'draft' || status === 'paused') && <PublishButton ed={ed} />}
          {status === 'live' && (
            <button type="button" class="button" disabled={busy} onClick={() => ed.act('pause')}>
              Pause
            </button>
          )}
          {m && status !== 'archived' && (
            <ConfirmButton
              label="Archive"
              title="Archive this message?"
              message="It stops showing to everyone and leaves the list. Its results stay."
              confirmLabel="Archive message"
              disabled={busy}
              onConfirm={() => ed.act('archive')}
            />
          )}
          {m && (
            <ConfirmButton
              label="Delete"
              title="Delete this message?"
              message="The message and all its events and responses are deleted for good."
              confirmLabel="Delete message"
              disabled={busy}
              onConfirm={async () => {
                if (await ed.remove()) router.navigate(`/sites/${m.siteId}/messages`);
              }}
            />
          )}
        </>
      )}
      {m && (
        <a class="button ghost" href={router.href(`/messages/${m.id}/results`)}>
          Results
        </a>
      )}
      <LiveStatus text={ed.status.value} />
    </div>
  );
}
