import { signal } from '@preact/signals';
import type { Site, SiteInput, SitePatch } from '../../server/schema/site.ts';
import type { HeraldApi } from '../api/herald-api.ts';
import { type FieldErrors, problemOf } from '../forms/form-errors.ts';

/** The settings form: a site's editable fields, allowed origins as one per line. */
export type SiteForm = Omit<SiteInput, 'allowedOrigins'> & { origins: string };

export function formOf(site: Site): SiteForm {
  const {
    id: _i,
    publicKey: _p,
    secret: _s,
    createdAt: _c,
    updatedAt: _u,
    allowedOrigins,
    ...editable
  } = site;
  return { ...editable, origins: allowedOrigins.join('\n') };
}

/** The PATCH body: only the keys SitePatch knows (it is strict), origins split into a list. */
export function patchOf(f: SiteForm): SitePatch {
  const allowedOrigins = f.origins
    .split('\n')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  const { name, identityVerification, attention, theme, defaultLocale, digest } = f;
  const webhookUrl = f.webhookUrl?.trim() ? f.webhookUrl.trim() : null;
  const changelogSlug = f.changelogSlug?.trim() ? f.changelogSlug.trim() : null;
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
  const form = signal<SiteForm | null>(null);
  const errors = signal<FieldErrors>({});
  const problem = signal<string | null>(null);
  const status = signal('');
  const busy = signal(false);

  return {
    site,
    form,
    errors,
    problem,
    status,
    busy,
    async load() {
      try {
        const s = await api.sites.get(siteId);
        site.value = s;
        form.value = formOf(s);
      } catch (e) {
        problem.value = problemOf(e).message;
      }
    },
    set<K extends keyof SiteForm>(key: K, value: SiteForm[K]) {
      if (form.value) form.value = { ...form.value, [key]: value };
    },
    async save() {
      if (!form.value) return;
      busy.value = true;
      status.value = 'Saving…';
      try {
        const saved = await api.sites.update(siteId, patchOf(form.value));
        site.value = saved;
        form.value = formOf(saved);
        errors.value = {};
        problem.value = null;
        status.value = 'Settings saved.';
        onSaved(saved);
      } catch (e) {
        const p = problemOf(e);
        errors.value = p.fields;
        problem.value = p.message;
        status.value = 'Not saved.';
      } finally {
        busy.value = false;
      }
    },
  };
}

export type SiteSettings = ReturnType<typeof createSiteSettings>;
