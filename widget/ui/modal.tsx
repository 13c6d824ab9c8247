import { useEffect, useRef } from 'preact/hooks';
import { CloseButton } from './close-button.tsx';
import { onEscape, trapTab } from './keys.ts';
import type { FrameProps } from './surface.ts';
import { useFocusIn } from './use-focus.ts';

/**
 * A centred dialog over a dimmed backdrop (a bottom sheet on phones). Focus moves in, Tab stays inside,
 * Escape, the ✕ and the backdrop dismiss, and focus returns to where it was.
 */
export function Modal({ m, t, a, id, children }: FrameProps) {
  const ref = useRef<HTMLDivElement>(null);
  const close = () => a.dismiss(m.id);
  useFocusIn(ref);
  useEffect(() => a.shown(m.id), []);
  return (
    <>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the backdrop is a pointer shortcut; keyboard users have Escape and the ✕ */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: as above */}
      <div class="bk" onClick={close} />
      <div
        ref={ref}
        class="c md"
        role="dialog"
        aria-modal="true"
        aria-labelledby={id}
        tabIndex={-1}
        lang={m.locale}
        dir={m.rtl ? 'rtl' : 'ltr'}
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
