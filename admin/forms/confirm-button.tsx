import type { ComponentChildren } from 'preact';
import { useId, useRef } from 'preact/hooks';

type Props = {
  /** The button that asks, e.g. "Archive". */
  label: string;
  /** The dialog's heading, e.g. "Archive this message?". */
  title: string;
  message: ComponentChildren;
  /** The button that does it, e.g. "Archive message". */
  confirmLabel: string;
  onConfirm: () => void;
  /** Called as the dialog opens (to fetch what it says, e.g. how many users an action reaches). */
  onOpen?: () => void;
  disabled?: boolean;
  /** `widen` for actions that reach more people (primary buttons); `danger` (default) for those that destroy. */
  tone?: 'danger' | 'widen';
};

/**
 * A button that asks first, in a native modal `<dialog>` (focus moves in and is trapped, Escape cancels,
 * focus returns): for the actions that cannot be taken back (archive, delete) and those that reach more
 * people (publish, start, advance, resume), which say how many before they act.
 */
export function ConfirmButton({
  label,
  title,
  message,
  confirmLabel,
  onConfirm,
  onOpen,
  disabled,
  tone,
}: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const widen = tone === 'widen';
  const close = () => {
    const d = ref.current;
    if (d && typeof d.close === 'function') d.close();
    else d?.removeAttribute('open');
  };
  const open = () => {
    onOpen?.();
    const d = ref.current;
    if (d && typeof d.showModal === 'function') d.showModal();
    else d?.setAttribute('open', '');
  };
  return (
    <>
      <button
        type="button"
        class={widen ? 'button primary' : 'button danger-outline'}
        disabled={disabled}
        onClick={open}
      >
        {label}
      </button>
      <dialog ref={ref} class="confirm" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
        <h2 id={`${id}-t`}>{title}</h2>
        <div id={`${id}-d`}>{typeof message === 'string' ? <p>{message}</p> : message}</div>
        <div class="actions">
          <button type="button" class="button" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            class={widen ? 'button primary' : 'button danger'}
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
