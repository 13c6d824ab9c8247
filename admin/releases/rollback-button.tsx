import { useRef, useState } from 'preact/hooks';
import { handleSubmit } from '../forms/handle-submit.ts';

/** Opens or closes a native dialog, or toggles `open` where `showModal` is missing (test DOMs). */
function show(d: HTMLDialogElement | null, open: boolean) {
  if (!d) return;
  if (open && typeof d.showModal === 'function') d.showModal();
  else if (open) d.setAttribute('open', '');
  else if (typeof d.close === 'function') d.close();
  else d.removeAttribute('open');
}

/**
 * "Roll back", which asks first in a modal dialog (focus moves in, Escape cancels, focus returns) and
 * asks why: the reason goes into the release's history and the webhook notice.
 */
export function RollbackButton({ onConfirm }: { onConfirm: (reason: string) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  return (
    <>
      <button type="button" class="button danger-outline" onClick={() => show(ref.current, true)}>
        Roll back
      </button>
      <dialog ref={ref} class="confirm" aria-labelledby="rollback-title" aria-describedby="rollback-text">
        <form
          onSubmit={handleSubmit(() => {
            show(ref.current, false);
            onConfirm(reason);
            setReason('');
          })}
        >
          <h2 id="rollback-title">Roll back this release?</h2>
          <p id="rollback-text">
            The feature and its messages turn off for everyone at once. A rolled-back release cannot be
            resumed.
          </p>
          <div class="field">
            <label for="rollback-reason">Reason</label>
            <textarea
              id="rollback-reason"
              rows={3}
              aria-describedby="rollback-reason-hint"
              value={reason}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
            <p id="rollback-reason-hint" class="hint">
              Kept in the history and sent to the site’s webhook.
            </p>
          </div>
          <div class="actions">
            <button type="button" class="button" onClick={() => show(ref.current, false)}>
              Cancel
            </button>
            <button type="submit" class="button danger">
              Roll back release
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
