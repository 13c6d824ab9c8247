import { Component } from 'preact';
import bannerCss from './banner.css?inline';
import { CloseButton } from './close-button.tsx';
import { onEscape } from './keys.ts';
import { adopt, sheet } from './styles.ts';
import { type FrameProps, langOf } from './surface.ts';

const styles = sheet(bannerCss);

/**
 * A strip across the top or bottom of the viewport. Fixed and overlaid, so nothing on the host page
 * moves; a named region (`<section>` with a name), not a dialog, because it does not take focus. It does
 * not interrupt, so it shows beside a modal or slide-out (under a modal's backdrop). A bottom banner
 * publishes its height as `--banner-height` on the wrapper, which lifts the slide-out and the feed launcher above it.
 */
export class Banner extends Component<FrameProps> {
  /**
   * Runs once, when the banner appears (a stable ref callback): its sheet, the impression and, at the
   * bottom, the height it publishes. Preact calls what it returns when the banner goes.
   */
  opened = (el: HTMLElement | null) => {
    if (!el) return;
    adopt(el, styles);
    this.props.actions.shown(this.props.message.id);
    const wrapper = el.parentElement;
    if (!el.classList.contains('bottom') || !wrapper) return;
    const sizes = new ResizeObserver(() =>
      wrapper.style.setProperty('--banner-height', `${el.offsetHeight}px`),
    );
    sizes.observe(el);
    return () => {
      sizes.disconnect();
      wrapper.style.removeProperty('--banner-height');
    };
  };

  override render({ message, strings, actions, id, children }: FrameProps) {
    const close = () => actions.dismiss(message.id);
    const bottom = 'position' in message.display && message.display.position === 'bottom';
    return (
      <section
        ref={this.opened}
        class={bottom ? 'card banner bottom' : 'card banner'}
        aria-labelledby={id}
        {...langOf(message)}
        onKeyDown={onEscape(close)}
      >
        {children}
        <CloseButton label={strings.dismiss} onClick={close} />
      </section>
    );
  }
}
