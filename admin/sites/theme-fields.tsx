import { sampleMessage } from '../../widget/ui/preview-kit.ts';
import { field } from '../forms/bind.ts';
import { Fieldset } from '../forms/field.tsx';
import { ColorField, NumberField, TextField } from '../forms/inputs.tsx';
import { PreviewFrames } from '../preview/preview-frames.tsx';
import type { SiteForm, SiteSettings } from './site-settings-model.ts';

/** The announcement the theme is drawn on, in the site's default locale. */
const sample = (locale: string) => sampleMessage({ id: 'theme-sample', locale });

type Props = { form: SiteSettings; theme: SiteForm['theme']; locale: string };

/** Brand colour, corner radius and font, with a sample announcement drawn live by the widget. */
export function ThemeFields({ form, theme, locale }: Props) {
  const errors = form.errors.value;
  return (
    <Fieldset legend="Theme" path="theme" errors={errors} class="theme">
      <div class="row">
        <ColorField label="Brand color" {...field(form, 'theme.brandColor')} />
        <NumberField label="Corner radius (px)" {...field(form, 'theme.radius')} max={32} />
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
