import { Component } from 'preact';
import { CloseButton } from './close-button.tsx';
import { focusIn } from './focus.ts';
import { onEscape } from './keys.ts';
import modalCss from './modal.css?inline';
import { adopt, sheet } from './styles.ts';
import { type FrameProps, langOf } from './surface.ts';

/** The modal's look (`modal.css`; its phone layout is in the main sheet, `styles.css`). */
const styles = sheet(modalCss);

const TABBABLE = 'a[href],button:not([tabindex="-1"]),textarea,input,select,[tabindex="0"]';

/** Keeps Tab and Shift+Tab cycling inside `dialog`: the modal's focus trap. */
function trapTab(e: KeyboardEvent, dialog: HTMLElement): void {
  if (e.key !== 'Tab') return;
  const all = dialog.querySelectorAll<HTMLElement>(TABBABLE);
  const first = all[0];
  const last = all[all.length - 1];
  const active = (dialog.getRootNode() as Document | ShadowRoot).activeElement;
  const wrap = e.shiftKey ? active === first || active === dialog : active === last;
  if (wrap) {
    e.preventDefault();
    (e.shiftKey ? last : first)?.focus();
  }
}

/**
 * A centred dialog over a dimmed backdrop (a bottom sheet on phones). Focus moves in, Tab stays inside,
 * Escape, the ✕ and the backdrop dismiss, and focus returns to where it was.
 */
export class Modal extends Component<FrameProps> {
  /**
   * Runs once, when the dialog appears (a stable ref callback): its sheet, the impression, focus moved
   * in. Preact calls what it returns when the dialog goes, which gives focus back.
   */
  opened = (el: HTMLElement | null) => {
    if (!el) return;
    adopt(el, styles);
    this.props.actions.shown(this.props.message.id);
    return focusIn(el);
  };

  override render({ message, strings, actions, id, children }: FrameProps) {
    const close = () => actions.dismiss(message.id);
    return (
      <>
        {/* biome-ignore lint/a11y/noStaticElementInteractions: the backdrop is a pointer shortcut; keyboard users have Escape and the ✕ */}
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: as above */}
        <div class="backdrop" onClick={close} />
        <div
          ref={this.opened}
          class="card modal"
          role="dialog"
          aria-modal="true"
          aria-labelledby={id}
          tabIndex={-1}
          {...langOf(message)}
          onKeyDown={(e) => {
            onEscape(close)(e);
            trapTab(e, e.currentTarget);
          }}
        >
          <CloseButton label={strings.close} onClick={close} />
          {children}
        </div>
      </>
    );
  }
}
