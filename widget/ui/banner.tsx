import { useEffect } from 'preact/hooks';
import { CloseButton } from './close-button.tsx';
import type { FrameProps } from './surface.ts';

/**
 * A strip across the top or bottom of the viewport. Fixed and overlaid, so nothing on the host page
 * moves; a named region, not a dialog, because it does not take focus.
 */
export function Banner({ m, t, a, id, children }: FrameProps) {
  const close = () => a.dismiss(m.id);
  useEffect(() => a.shown(m.id), []);
  const bottom = 'position' in m.display && m.display.position === 'bottom';
  return (
    <div
      class={bottom ? 'c bn bt' : 'c bn'}
      role="region"
      aria-labelledby={id}
      lang={m.locale}
      dir={m.rtl ? 'rtl' : 'ltr'}
      onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), close())}
    >
      {children}
      <CloseButton label={t.dismiss} onClick={close} />
    </div>
  );
}
