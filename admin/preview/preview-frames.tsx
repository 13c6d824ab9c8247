import { useEffect, useId, useState } from 'preact/hooks';
import type { ShownMessage } from '../../server/schema/decide.ts';
import type { WidgetTheme } from '../../widget/model/view.ts';
import type { Scheme } from './preview-css.ts';
import { WidgetFrame } from './widget-frame.tsx';

type Props = {
  /** The message as the widget would get it in a locale. */
  messageFor: (locale: string) => ShownMessage;
  locales: string[];
  theme: WidgetTheme | null;
  /** Only the desktop frame (the site's theme editor). */
  desktopOnly?: boolean;
};

/** Phone and desktop frames, light or dark, in any of the message's locales. */
export function PreviewFrames({ messageFor, locales, theme, desktopOnly }: Props) {
  const id = useId();
  const [scheme, setScheme] = useState<Scheme>('light');
  const [picked, setLocale] = useState(locales[0] ?? 'en');
  // Follows the locale being edited (the first one given) when that changes.
  useEffect(() => setLocale(locales[0] ?? 'en'), [locales[0]]);
  const locale = locales.includes(picked) ? picked : (locales[0] ?? 'en');
  const message = messageFor(locale);
  const name = (s: string) => `${s}, ${scheme}, ${locale}`;
  return (
    <div class="preview-frames">
      <div class="preview-controls">
        {locales.length > 1 && (
          <div class="field">
            <label for={`${id}-locale`}>Preview locale</label>
            <select id={`${id}-locale`} value={locale} onChange={(e) => setLocale(e.currentTarget.value)}>
              {locales.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </div>
        )}
        <fieldset class="segmented">
          <legend>Color scheme</legend>
          {(['light', 'dark'] as const).map((s) => (
            <label key={s}>
              <input
                type="radio"
                name={`${id}-scheme`}
                value={s}
                checked={scheme === s}
                onChange={() => setScheme(s)}
              />
              {s === 'light' ? 'Light' : 'Dark'}
            </label>
          ))}
        </fieldset>
      </div>
      <div class="frames">
        {!desktopOnly && (
          <WidgetFrame message={message} theme={theme} scheme={scheme} size="phone" label={name('Phone')} />
        )}
        <WidgetFrame message={message} theme={theme} scheme={scheme} size="desktop" label={name('Desktop')} />
      </div>
    </div>
  );
}
