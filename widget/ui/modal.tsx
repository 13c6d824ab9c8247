import { Component, createRef } from 'preact';
import { CloseButton } from './close-button.tsx';
import { focusIn } from './focus.ts';
import { onEscape, trapTab } from './keys.ts';
import { type FrameProps, langOf } from './surface.ts';

/**
 * A centred dialog over a dimmed backdrop (a bottom sheet on phones). Focus moves in, Tab stays inside,
 * Escape, the ✕ and the backdrop dismiss, and focus returns to where it was.
 */
export class Modal extends Component<FrameProps> {
  ref = createRef<HTMLDivElement>();
  restore = () => {};

  override componentDidMount() {
    this.restore = focusIn(this.ref.current);
    this.props.a.shown(this.props.m.id);
  }
  override componentWillUnmount() {
    this.restore();
  }
  override render({ m, t, a, id, children }: FrameProps) {
    const close = () => a.dismiss(m.id);
    return (
      <>
        {/* biome-ignore lint/a11y/noStaticElementInteractions: the backdrop is a pointer shortcut; keyboard users have Escape and the ✕ */}
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: as above */}
        <div class="bk" onClick={close} />
        <div
          ref={this.ref}
          class="c md"
          role="dialog"
          aria-modal="true"
          aria-labelledby={id}
          tabIndex={-1}
          {...langOf(m)}
          onKeyDown={(e) => {
            onEscape(close)(e);
            trapTab(e, e.currentTarget);
          }}
        >
          <CloseButton label={t.close} onClick={close} />
          {children}
        </div>
      </>
    );
  }
}
