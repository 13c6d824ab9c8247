import { useEffect, useState } from 'preact/hooks';
import { useAdmin } from '../app/context.ts';
import { usePageTitle } from '../app/page-title.ts';
import { emptyIsNull, field, fieldAs } from '../forms/bind.ts';
import { ErrorSummary, LiveStatus } from '../forms/error-summary.tsx';
import { Fieldset } from '../forms/field.tsx';
import { handleSubmit } from '../forms/handle-submit.ts';
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
  const f = m.draft.value;
  usePageTitle(site ? `${site.name} settings` : 'Site settings');
  if (!site || !f) return <p role="status">{m.problem.value ?? 'Loading site…'}</p>;
  // Site settings are the admin's (the server's rule); editors and viewers read them.
  const write = session.isAdmin.value;
  return (
    <>
      <div class="page-head">
        <h1>{site.name} settings</h1>
      </div>
      <SiteKeys site={site} />
      <EmbedSnippet site={site} origin={session.publicUrl.value} />
      <form class="card form" aria-labelledby="settings-title" onSubmit={handleSubmit(() => m.save())}>
        <h2 id="settings-title">Settings</h2>
        <ErrorSummary message={m.problem.value} fields={m.errors.value} />
        <fieldset class="plain" disabled={!write}>
          <div class="row">
            <TextField label="Site name" {...field(m, 'name')} />
            <TextField label="Default locale" {...field(m, 'defaultLocale')} />
          </div>
          <TextAreaField
            label="Allowed origins"
            hint="One per line, like https://app.example.com, or * for any. The widget works only on these."
            rows={3}
            mono
            {...field(m, 'allowedOrigins')}
          />
          <SelectField
            label="Identity verification"
            options={IDENTITY}
            {...field(m, 'identityVerification')}
          />
          <TextAreaField
            label="Test users"
            hint="User ids, one per line. With herald_test=1 in the page's URL (or identify's test option) they see releases in draft, paused or early phases, marked 'Test mode'; their events are never counted. Where identity is verified, only with a verified token."
            rows={3}
            mono
            {...field(m, 'testUsers')}
          />
          <TextField
            label="Webhook URL"
            type="url"
            hint="Release changes are posted here as JSON (optional)."
            {...fieldAs(m, 'webhookUrl', emptyIsNull)}
          />
          <Fieldset legend="Attention budget" hint="How often any interrupting message may reach one user.">
            <div class="row">
              <NumberField label="Interruptions per day at most" {...field(m, 'attention.maxPerDay')} />
              <NumberField label="Minutes between interruptions" {...field(m, 'attention.minGapMinutes')} />
            </div>
          </Fieldset>
          <ThemeFields form={m} theme={f.theme} locale={f.defaultLocale} />
          <ChangelogFields form={m} slug={f.changelogSlug} origin={session.publicUrl.value} />
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
