import type { ComponentChildren } from 'preact';
import type { ShownMessage } from '../../server/schema/decide.ts';
import type { Strings } from '../i18n/strings.ts';
import type { WidgetActions } from '../model/view.ts';

/** What every surface gets: the message, the built-in strings, the actions. */
export type SurfaceProps = {
  message: ShownMessage;
  strings: Strings;
  actions: WidgetActions;
  /** The id of the title element that names the surface. */
  id: string;
};

/** A frame (modal, banner, slide-out) around a body (announcement or survey). */
export type FrameProps = SurfaceProps & { children: ComponentChildren };

/**
 * `lang` and `dir` for a message or post in its own locale, which may differ from the page's.
 *
 * @example <div {...langOf(message)}> // lang="ar" dir="rtl"
 */
export function langOf(x: { locale: string; rtl: boolean }): { lang: string; dir: 'rtl' | 'ltr' } {
  return { lang: x.locale, dir: x.rtl ? 'rtl' : 'ltr' };
}
