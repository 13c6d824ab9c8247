import { useEffect } from 'preact/hooks';
import { CloseButton } from './close-button.tsx';
import { onEscape } from './keys.ts';
import type { FrameProps } from './surface.ts';

/**
 * A card in the bottom corner (inline end): non-modal, so it never takes focus from the page. Escape
 * closes it when focus is inside; a global Escape would also dismiss it for a user closing something of
 * the host page's, and count a dismissal they never meant.
 */
export function Slideout({ m, t, a, id, children }: FrameProps) {
  const close = () => a.dismiss(m.id);
  useEffect(() => a.shown(m.id), []);
  return (
    <div
      class="c so"
      role="dialog"
      aria-modal="false"
      aria-labelledby={id}
      lang={m.locale}
      dir={m.rtl ? 'rtl' : 'ltr'}
      onKeyDown={onEscape(close)}
    >
      <CloseButton label={t.close} onClick={close} />
      {children}
    </div>
  );
}
