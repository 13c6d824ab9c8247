import type { ComponentChildren } from 'preact';
import type { ShownMessage } from '../../server/schema/decide.ts';
import type { Strings } from '../i18n/strings.ts';
import type { WidgetActions } from '../model/view.ts';

/** What every surface gets: the message, the built-in strings, the actions. */
export type SurfaceProps = {
  m: ShownMessage;
  t: Strings;
  a: WidgetActions;
  /** The id of the title element that names the surface. */
  id: string;
};

/** A frame (modal, banner, slide-out) around a body (announcement or survey). */
export type FrameProps = SurfaceProps & { children: ComponentChildren };
