import { useEffect, useRef, useState } from 'preact/hooks';
import { Announcement } from './announcement.tsx';
import { CloseButton } from './close-button.tsx';
import { onEscape } from './keys.ts';
import type { SurfaceProps } from './surface.ts';

type Side = 'top' | 'bottom' | 'left' | 'right';

/**
 * A card pointing at an element of the host page, optionally behind a pulsing hotspot that opens it.
 * Positioned by `@floating-ui/dom` with the fixed strategy (so transformed or clipped host ancestors
 * cannot misplace it), loaded in its own chunk only when a tooltip shows. It follows scroll and resize,
 * and hides, never throws, when the anchor is removed or hidden. Counts as shown once it is positioned.
 */
export function Tooltip({ m, t, a, id, anchor }: SurfaceProps & { anchor: Element }) {
  const display = m.display as { placement?: Side; hotspot?: boolean };
  const [open, setOpen] = useState(!display.hotspot);
  const card = useRef<HTMLDivElement>(null);
  const dot = useRef<HTMLButtonElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const seen = useRef(false);

  useEffect(() => {
    let stop = () => {};
    let live = true;
    const el = card.current;
    const show = (on: boolean) => {
      for (const e of [el, dot.current]) if (e) e.style.visibility = on ? 'visible' : 'hidden';
    };
    import('@floating-ui/dom')
      .then(({ computePosition, autoUpdate, flip, shift, offset, arrow }) => {
        const update = () => {
          try {
            const r = anchor.getBoundingClientRect();
            if (!anchor.isConnected || !(r.width || r.height)) return show(false);
            if (dot.current) {
              dot.current.style.left = `${(m.rtl ? r.left : r.right) - 7}px`;
              dot.current.style.top = `${r.top - 7}px`;
              show(true);
            }
            if (!el || !tip.current) return;
            computePosition(anchor, el, {
              strategy: 'fixed',
              placement: display.placement ?? 'bottom',
              middleware: [
                offset(10),
                flip(),
                shift({ padding: 8 }),
                arrow({ element: tip.current, padding: 8 }),
              ],
            })
              .then(({ x, y, placement, middlewareData: { arrow: ar } }) => {
                if (!live || !anchor.isConnected) return;
                el.style.left = `${x}px`;
                el.style.top = `${y}px`;
                el.dataset.side = placement.split('-')[0];
                if (tip.current) {
                  tip.current.style.left = ar?.x == null ? '' : `${ar.x}px`;
                  tip.current.style.top = ar?.y == null ? '' : `${ar.y}px`;
                }
                show(true);
                if (!seen.current) {
                  seen.current = true;
                  a.shown(m.id);
                  if (display.hotspot) el.focus();
                }
              })
              .catch(() => show(false));
          } catch {
            show(false);
          }
        };
        if (live) stop = autoUpdate(anchor, el ?? dot.current, update);
      })
      .catch(() => show(false));
    return () => {
      live = false;
      stop();
    };
  }, [open, anchor]);

  if (!open) {
    return (
      <button
        ref={dot}
        type="button"
        class="hs"
        aria-label={m.content.title}
        aria-expanded="false"
        onClick={() => setOpen(true)}
      />
    );
  }
  const close = () => a.dismiss(m.id);
  return (
    <div
      ref={card}
      class="c tt"
      role="dialog"
      aria-labelledby={id}
      tabIndex={-1}
      lang={m.locale}
      dir={m.rtl ? 'rtl' : 'ltr'}
      onKeyDown={onEscape(close)}
    >
      <div ref={tip} class="ar" />
      <CloseButton label={t.close} onClick={close} />
      <Announcement m={m} t={t} a={a} id={id} />
    </div>
  );
}
