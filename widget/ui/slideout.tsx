import { Component } from 'preact';
import { CloseButton } from './close-button.tsx';
import { onEscape } from './keys.ts';
import slideoutCss from './slideout.css?inline';
import { adopt, sheet } from './styles.ts';
import { type FrameProps, langOf } from './surface.ts';

const styles = sheet(slideoutCss);

/**
 * A card in the bottom corner (inline end): non-modal, so it never takes focus from the page. Escape
 * closes it when focus is inside; a global Escape would also dismiss it for a user closing something of
 * the host page's, and count a dismissal they never meant.
 */
export class Slideout extends Component<FrameProps> {
  /** Runs once, when the card appears (a stable ref callback): its sheet and the impression. */
  opened = (el: HTMLElement | null) => {
    if (!el) return;
    adopt(el, styles);
    this.props.actions.shown(this.props.message.id);
  };

  override render({ message, strings, actions, id, children }: FrameProps) {
    const close = () => actions.dismiss(message.id);
    return (
      <div
        ref={this.opened}
        class="card slideout"
        role="dialog"
        aria-modal="false"
        aria-labelledby={id}
        tabIndex={-1}
        {...langOf(message)}
        onKeyDown={onEscape(close)}
      >
        <CloseButton label={strings.close} onClick={close} />
        {children}
      </div>
    );
  }
}
