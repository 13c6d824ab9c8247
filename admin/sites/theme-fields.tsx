import type { ShownMessage } from '../../server/schema/decide.ts';
import type { Theme } from '../../server/schema/site.ts';
import { Fieldset } from '../forms/field.tsx';
import type { FieldErrors } from '../forms/form-errors.ts';
import { NumberField, TextField } from '../forms/inputs.tsx';
import { PreviewFrames } from '../preview/preview-frames.tsx';

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

type Props = { theme: Theme; locale: string; errors: FieldErrors; onTheme: (t: Theme) => void };

/** Brand colour, corner radius and font, with a sample announcement drawn live by the widget. */
export function ThemeFields({ theme, locale, errors, onTheme }: Props) {
  const set = (patch: Partial<Theme>) => onTheme({ ...theme, ...patch });
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
              onInput={(e) => set({ brandColor: e.currentTarget.value })}
            />
            <code>{theme.brandColor}</code>
          </span>
          {errors['theme.brandColor'] && (
            <p id="f-theme-brandColor-error" class="error">
              {errors['theme.brandColor']}
            </p>
          )}
        </div>
        <NumberField
          label="Corner radius (px)"
          path="theme.radius"
          errors={errors}
          min={0}
          max={32}
          value={theme.radius}
          onValue={(v) => set({ radius: v ?? Number.NaN })}
        />
      </div>
      <TextField
        label="Font"
        path="theme.font"
        errors={errors}
        value={theme.font}
        onValue={(font) => set({ font })}
      />
      <PreviewFrames messageFor={sample} locales={[locale]} theme={theme} desktopOnly />
    </Fieldset>
  );
}
