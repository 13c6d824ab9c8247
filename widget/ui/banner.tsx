import { Component } from 'preact';
import { CloseButton } from './close-button.tsx';
import { onEscape } from './keys.ts';
import { type FrameProps, langOf } from './surface.ts';

/**
 * A strip across the top or bottom of the viewport. Fixed and overlaid, so nothing on the host page
 * moves; a named region (`<section>` with a name), not a dialog, because it does not take focus.
 */
export class Banner extends Component<FrameProps> {
  override componentDidMount() {
    this.props.a.shown(this.props.m.id);
  }
  override render({ m, t, a, id, children }: FrameProps) {
    const close = () => a.dismiss(m.id);
    const bottom = 'position' in m.display && m.display.position === 'bottom';
    return (
      <section
        class={bottom ? 'c bn bt' : 'c bn'}
        aria-labelledby={id}
        {...langOf(m)}
        onKeyDown={onEscape(close)}
      >
        {children}
        <CloseButton label={t.dismiss} onClick={close} />
      </section>
    );
  }
}
