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
 * publishes its height as `--hb` on the wrapper, which lifts the slide-out and the feed launcher above it.
 */
export class Banner extends Component<FrameProps> {
  /**
   * Runs once, when the banner appears (a stable ref callback): its sheet, the impression and, at the
   * bottom, the height it publishes. Preact calls what it returns when the banner goes.
   */
  opened = (el: HTMLElement | null) => {
    if (!el) return;
    adopt(el, styles);
    this.props.a.shown(this.props.m.id);
    const wrapper = el.parentElement;
    if (!el.classList.contains('bt') || !wrapper) return;
    const sizes = new ResizeObserver(() => wrapper.style.setProperty('--hb', `${el.offsetHeight}px`));
    sizes.observe(el);
    return () => {
      sizes.disconnect();
      wrapper.style.removeProperty('--hb');
    };
  };

  override render({ m, t, a, id, children }: FrameProps) {
    const close = () => a.dismiss(m.id);
    const bottom = 'position' in m.display && m.display.position === 'bottom';
    return (
      <section
        ref={this.opened}
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
