import { Component, createRef } from 'preact';
import { Announcement } from './announcement.tsx';
import { CloseButton } from './close-button.tsx';
import { onEscape } from './keys.ts';
import { adopt, sheet } from './styles.ts';
import { langOf, type SurfaceProps } from './surface.ts';
import tooltipCss from './tooltip.css?inline';

const styles = sheet(tooltipCss);

type Props = SurfaceProps & { anchor: Element };
type Side = 'top' | 'bottom' | 'left' | 'right';

/**
 * Calls `update` again, at most once per animation frame, whenever `anchor` may have moved: any scroll
 * in the page (captured at the window, so scrolling containers count too), a window resize, or a change
 * of size of the anchor or of `el`. Returns how to stop. What floating-ui's `autoUpdate` does for a
 * tooltip, in a fraction of its size (it costs 0.7 KB gzip of the 6 KB positioning chunk).
 */
function follow(anchor: Element, el: Element, update: () => void): () => void {
  let frame = 0;
  const schedule = () => {
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      update();
    });
  };
  const listen = { capture: true, passive: true };
  const sizes = new ResizeObserver(schedule);
  sizes.observe(anchor);
  sizes.observe(el);
  addEventListener('scroll', schedule, listen);
  addEventListener('resize', schedule, listen);
  update();
  return () => {
    cancelAnimationFrame(frame);
    sizes.disconnect();
    removeEventListener('scroll', schedule, listen);
    removeEventListener('resize', schedule, listen);
  };
}

/**
 * A card pointing at an element of the host page, optionally behind a pulsing hotspot that opens it.
 * Positioned by `@floating-ui/dom` with the fixed strategy (so transformed or clipped host ancestors
 * cannot misplace it), loaded in its own chunk only when a tooltip shows. It follows scroll and resize
 * (`follow`), and hides, never throws, when the anchor is removed or hidden. Counts as shown once it is
 * positioned.
 */
export class Tooltip extends Component<Props, { open: boolean }> {
  card = createRef<HTMLDivElement>();
  dot = createRef<HTMLButtonElement>();
  tip = createRef<HTMLDivElement>();
  seen = false;
  stop = () => {};

  constructor(props: Props) {
    super(props);
    this.state = { open: !this.display().hotspot };
  }
  display() {
    return this.props.message.display as { placement?: Side; hotspot?: boolean };
  }
  override componentDidMount() {
    this.place();
  }
  override componentDidUpdate(before: Props, was: { open: boolean }) {
    if (before.anchor !== this.props.anchor || was.open !== this.state.open) this.place();
  }
  override componentWillUnmount() {
    this.stop();
  }

  /** (Re)starts following the anchor with whichever element is on screen: the card or the hotspot. */
  place() {
    this.stop();
    const { message, actions, anchor } = this.props;
    const { placement, hotspot } = this.display();
    const el = this.card.current;
    const show = (on: boolean) => {
      for (const e of [el, this.dot.current]) if (e) e.style.visibility = on ? 'visible' : 'hidden';
    };
    let live = true;
    let unfollow = () => {};
    this.stop = () => {
      live = false;
      unfollow();
    };
    const node = el ?? this.dot.current;
    if (node) adopt(node, styles);
    import('./position.ts')
      .then(({ computePosition, flip, shift, offset, arrow }) => {
        const update = () => {
          try {
            const r = anchor.getBoundingClientRect();
            if (!anchor.isConnected || !(r.width || r.height)) return show(false);
            const dot = this.dot.current;
            if (dot) {
              dot.style.left = `${(message.rtl ? r.left : r.right) - 7}px`;
              dot.style.top = `${r.top - 7}px`;
              show(true);
            }
            const tip = this.tip.current;
            if (!el || !tip) return;
            computePosition(anchor, el, {
              strategy: 'fixed',
              placement: placement ?? 'bottom',
              middleware: [offset(10), flip(), shift({ padding: 8 }), arrow({ element: tip, padding: 8 })],
            })
              .then(({ x, y, placement: side, middlewareData: { arrow: at } }) => {
                if (!live || !anchor.isConnected) return;
                el.style.left = `${x}px`;
                el.style.top = `${y}px`;
                el.dataset.side = side.split('-')[0];
                tip.style.left = at?.x == null ? '' : `${at.x}px`;
                tip.style.top = at?.y == null ? '' : `${at.y}px`;
                show(true);
                if (!this.seen) {
                  this.seen = true;
                  actions.shown(message.id);
                  if (hotspot) el.focus();
                }
              })
              .catch(() => show(false));
          } catch {
            show(false);
          }
        };
        if (live && node) unfollow = follow(anchor, node, update);
      })
      .catch(() => show(false));
  }

  override render({ message, strings, actions, id }: Props, { open }: { open: boolean }) {
    if (!open) {
      return (
        <button
          ref={this.dot}
          type="button"
          class="hotspot"
          aria-label={message.content.title}
          aria-expanded="false"
          onClick={() => this.setState({ open: true })}
        />
      );
    }
    const close = () => actions.dismiss(message.id);
    return (
      <div
        ref={this.card}
        class="card tooltip"
        role="dialog"
        aria-labelledby={id}
        tabIndex={-1}
        {...langOf(message)}
        onKeyDown={onEscape(close)}
      >
        <div ref={this.tip} class="arrow" />
        <CloseButton label={strings.close} onClick={close} />
        <Announcement message={message} strings={strings} actions={actions} id={id} />
      </div>
    );
  }
}
