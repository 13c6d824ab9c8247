import { useId, useRef } from 'preact/hooks';

type Props = {
  /** The button that asks, e.g. "Archive". */
  label: string;
  /** The dialog's heading, e.g. "Archive this message?". */
  title: string;
  message: string;
  /** The button that does it, e.g. "Archive message". */
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
};

/**
 * A button that asks first, in a native modal `<dialog>` (focus moves in and is trapped, Escape cancels,
 * focus returns): for the actions that cannot be taken back, archive and delete.
 */
export function ConfirmButton({ label, title, message, confirmLabel, onConfirm, disabled }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const close = () => {
    const d = ref.current;
    if (d && typeof d.close === 'function') d.close();
    else d?.removeAttribute('open');
  };
  const open = () => {
    const d = ref.current;
    if (d && typeof d.showModal === 'function') d.showModal();
    else d?.setAttribute('open', '');
  };
  return (
    <>
      <button type="button" class="button danger-outline" disabled={disabled} onClick={open}>
        {label}
      </button>
      <dialog ref={ref} class="confirm" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
        <h2 id={`${id}-t`}>{title}</h2>
        <p id={`${id}-d`}>{message}</p>
        <div class="actions">
          <button type="button" class="button" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            class="button danger"
            onClick={() => {
              close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
