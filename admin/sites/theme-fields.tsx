import type { ShownMessage } from '../../server/schema/decide.ts';
import { field } from '../forms/bind.ts';
import { Fieldset } from '../forms/field.tsx';
import { NumberField, TextField } from '../forms/inputs.tsx';
import { PreviewFrames } from '../preview/preview-frames.tsx';
import type { SiteForm, SiteSettings } from './site-settings-model.ts';

const sample = (locale: string): ShownMessage => ({
  id: 'theme-sample',
  kind: 'announcement',
  display: { style: 'modal' },
  content: {
    title: 'Reserve a scooter ahead',
    body: [{ t: 'p', c: ['Reserve up to ', { t: 'strong', c: ['30 minutes'] }, ' ahead.'] }],
    cta: { label: 'Try it', url: '/reserve' },
  },
  locale,
  rtl: false,
  trigger: { on: 'load', delayMs: 0 },
  pages: { include: [], exclude: [] },
  dismissible: 'forever',
  priority: 0,
});

type Props = { form: SiteSettings; theme: SiteForm['theme']; locale: string };

/** Brand colour, corner radius and font, with a sample announcement drawn live by the widget. */
export function ThemeFields({ form, theme, locale }: Props) {
  const errors = form.errors.value;
  return (
    <Fieldset legend="Theme" path="theme" errors={errors} class="theme">
      <div class="row">
        <div class="field">
          <label for="f-theme-brandColor">Brand color</label>
          <span class="color-pair">
            <input
              id="f-theme-brandColor"
              type="color"
              value={theme.brandColor}
              aria-invalid={errors['theme.brandColor'] ? 'true' : undefined}
              aria-describedby={errors['theme.brandColor'] ? 'f-theme-brandColor-error' : undefined}
              onInput={(e) => form.set('theme.brandColor', e.currentTarget.value)}
            />
            <code>{theme.brandColor}</code>
          </span>
          {errors['theme.brandColor'] && (
            <p id="f-theme-brandColor-error" class="error">
              {errors['theme.brandColor']}
            </p>
          )}
        </div>
        <NumberField label="Corner radius (px)" {...field(form, 'theme.radius')} min={0} max={32} />
      </div>
      <TextField label="Font" {...field(form, 'theme.font')} />
      {/* While the radius box is empty the sample keeps a square corner. */}
      <PreviewFrames
        messageFor={sample}
        locales={[locale]}
        theme={{ ...theme, radius: theme.radius ?? 0 }}
        desktopOnly
      />
    </Fieldset>
  );
}
