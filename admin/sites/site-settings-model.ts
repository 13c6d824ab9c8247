import { signal } from '@preact/signals';
import type { Site, SiteInput, SitePatch } from '../../server/schema/site.ts';
import type { HeraldApi } from '../api/herald-api.ts';
import { problemOf } from '../forms/form-errors.ts';
import { createFormModel } from '../forms/form-model.ts';

/**
 * The settings form: a site's editable fields by the API's names, allowed origins as one per line (so
 * the server's `allowedOrigins.1` lands beside the box). Number boxes may be empty (`undefined`).
 */
export type SiteForm = Omit<SiteInput, 'allowedOrigins' | 'testUsers' | 'attention' | 'theme'> & {
  allowedOrigins: string;
  testUsers: string;
  attention: { maxPerDay: number | undefined; minGapMinutes: number | undefined };
  theme: Omit<SiteInput['theme'], 'radius'> & { radius: number | undefined };
};

export function formOf(site: Site): SiteForm {
  const {
    id: _i,
    publicKey: _p,
    secret: _s,
    createdAt: _c,
    updatedAt: _u,
    allowedOrigins,
    testUsers,
    ...editable
  } = site;
  return { ...editable, allowedOrigins: allowedOrigins.join('\n'), testUsers: testUsers.join('\n') };
}

/** A box of one entry per line as the list the API takes: trimmed, blank lines left out. */
const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** The PATCH body: only the keys SitePatch knows (it is strict), origins and test users split into lists. */
export function patchOf(f: SiteForm): SitePatch {
  const allowedOrigins = lines(f.allowedOrigins);
  const testUsers = lines(f.testUsers);
  const { name, identityVerification, defaultLocale, digest } = f;
  const webhookUrl = f.webhookUrl?.trim() ? f.webhookUrl.trim() : null;
  const changelogSlug = f.changelogSlug?.trim() ? f.changelogSlug.trim() : null;
  // The form refuses to send while a number box is empty (`required` below), so these are numbers.
  const attention = f.attention as SitePatch['attention'];
  const theme = f.theme as SitePatch['theme'];
  return {
    name,
    allowedOrigins,
    identityVerification,
    attention,
    theme,
    defaultLocale,
    webhookUrl,
    changelogSlug,
    digest,
    testUsers,
  };
}

/**
 * One site's settings page: load, edit, save, with the server's field errors (`allowedOrigins.1`,
 * `theme.brandColor`) kept for the fields.
 *
 * @example const settings = createSiteSettings(api, 'site_1', sites.replace); await settings.load();
 */
export function createSiteSettings(api: HeraldApi, siteId: string, onSaved: (site: Site) => void = () => {}) {
  const site = signal<Site | null>(null);
  const form = createFormModel<SiteForm | null>(null, {
    required: () => ['attention.maxPerDay', 'attention.minGapMinutes', 'theme.radius'],
  });
  const accept = (s: Site) => {
    [site.value, form.draft.value] = [s, formOf(s)];
  };
  return {
    ...form,
    site,
    async load() {
      try {
        accept(await api.sites.get(siteId));
      } catch (e) {
        form.problem.value = problemOf(e).message;
      }
    },
    async save() {
      const f = form.draft.value;
      if (!f) return;
      const saved = await form.submit(() => api.sites.update(siteId, patchOf(f)), {
        saying: 'Saving…',
        failed: 'Not saved',
      });
      if (!saved) return;
      accept(saved);
      form.status.value = 'Settings saved.';
      onSaved(saved);
    },
  };
}

export type SiteSettings = ReturnType<typeof createSiteSettings>;
