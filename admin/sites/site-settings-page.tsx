import { useEffect, useState } from 'preact/hooks';
import { useAdmin } from '../app/context.ts';
import { usePageTitle } from '../app/page-title.ts';
import { ErrorSummary, LiveStatus } from '../forms/error-summary.tsx';
import { Fieldset } from '../forms/field.tsx';
import { NumberField, SelectField, TextAreaField, TextField } from '../forms/inputs.tsx';
import { ChangelogFields, DigestPanel } from './changelog-fields.tsx';
import { EmbedSnippet } from './embed-snippet.tsx';
import { SiteKeys } from './site-keys.tsx';
import { createSiteSettings } from './site-settings-model.ts';
import { ThemeFields } from './theme-fields.tsx';

const IDENTITY = [
  ['off', 'Off: trust traits from the browser'],
  ['optional', 'Optional: trust a signed token when there is one'],
  ['required', 'Required: reject users without a signed token'],
] as const;

/** A site's keys, embed snippet, origins, identity verification, attention budget, theme and changelog. */
export function SiteSettingsPage({ siteId }: { siteId: string }) {
  const { api, sites, session } = useAdmin();
  const [m] = useState(() => createSiteSettings(api, siteId, sites.replace));
  useEffect(() => void m.load(), []);
  const site = m.site.value;
  const f = m.form.value;
  usePageTitle(site ? `${site.name} settings` : 'Site settings');
  if (!site || !f) return <p role="status">{m.problem.value ?? 'Loading site…'}</p>;
  const errors = m.errors.value;
  // Site settings are the admin's (the server's rule); editors and viewers read them.
  const write = session.isAdmin.value;
  return (
    <>
      <div class="page-head">
        <h1>{site.name} settings</h1>
      </div>
      <SiteKeys site={site} />
      <EmbedSnippet site={site} origin={session.publicUrl.value} />
      <form
        class="card form"
        aria-labelledby="settings-title"
        onSubmit={(e) => {
          e.preventDefault();
          void m.save();
        }}
      >
        <h2 id="settings-title">Settings</h2>
        <ErrorSummary message={m.problem.value} fields={errors} />
        <fieldset class="plain" disabled={!write}>
          <div class="row">
            <TextField
              label="Site name"
              path="name"
              errors={errors}
              value={f.name}
              onValue={(v) => m.set('name', v)}
            />
            <TextField
              label="Default locale"
              path="defaultLocale"
              errors={errors}
              value={f.defaultLocale}
              onValue={(v) => m.set('defaultLocale', v)}
            />
          </div>
          <TextAreaField
            label="Allowed origins"
            path="allowedOrigins"
            hint="One per line, like https://app.example.com, or * for any. The widget works only on these."
            errors={errors}
            rows={3}
            mono
            value={f.origins}
            onValue={(v) => m.set('origins', v)}
          />
          <SelectField
            label="Identity verification"
            path="identityVerification"
            errors={errors}
            options={IDENTITY}
            value={f.identityVerification}
            onValue={(v) => m.set('identityVerification', v)}
          />
          <TextField
            label="Webhook URL"
            path="webhookUrl"
            type="url"
            hint="Release changes are posted here as JSON (optional)."
            errors={errors}
            value={f.webhookUrl ?? ''}
            onValue={(v) => m.set('webhookUrl', v || null)}
          />
          <Fieldset legend="Attention budget" hint="How often any interrupting message may reach one user.">
            <div class="row">
              <NumberField
                label="Interruptions per day at most"
                path="attention.maxPerDay"
                errors={errors}
                min={0}
                value={f.attention.maxPerDay}
                onValue={(v) => m.set('attention', { ...f.attention, maxPerDay: v ?? Number.NaN })}
              />
              <NumberField
                label="Minutes between interruptions"
                path="attention.minGapMinutes"
                errors={errors}
                min={0}
                value={f.attention.minGapMinutes}
                onValue={(v) => m.set('attention', { ...f.attention, minGapMinutes: v ?? Number.NaN })}
              />
            </div>
          </Fieldset>
          <ThemeFields
            theme={f.theme}
            locale={f.defaultLocale}
            errors={errors}
            onTheme={(t) => m.set('theme', t)}
          />
          <ChangelogFields
            slug={f.changelogSlug}
            digest={f.digest}
            origin={session.publicUrl.value}
            errors={errors}
            onSlug={(v) => m.set('changelogSlug', v)}
            onDigest={(v) => m.set('digest', v)}
          />
        </fieldset>
        {write && (
          <div class="actions">
            <button type="submit" class="button primary" disabled={m.busy.value}>
              Save settings
            </button>
            <LiveStatus text={m.status.value} />
          </div>
        )}
      </form>
      <DigestPanel api={api} siteId={siteId} write={write} />
    </>
  );
}
