import { css } from '../../widget/ui/styles.ts';

export type Scheme = 'light' | 'dark';
export type DeviceSize = 'phone' | 'desktop';

/** The widget's own media queries that the preview decides instead of the admin's window. */
export const DARK_QUERY = /@media \(prefers-color-scheme:\s*dark\)/g;
export const PHONE_QUERY = /@media \(max-width:\s*480px\)/g;

/**
 * The widget's stylesheet for one preview frame: its dark-mode and phone-layout queries answered by the
 * frame (dark or light, phone or desktop) rather than by the admin's window, so four frames can show
 * four looks side by side. Everything else is the widget's CSS as it ships.
 *
 * @example previewCss('dark', 'phone') // the widget CSS with the dark palette and the bottom-sheet modal always on
 */
export function previewCss(scheme: Scheme, size: DeviceSize): string {
  return css
    .replace(DARK_QUERY, scheme === 'dark' ? '@media all' : '@media not all')
    .replace(PHONE_QUERY, size === 'phone' ? '@media all' : '@media not all');
}
