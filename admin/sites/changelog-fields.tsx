import { signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import type { DigestStatus } from '../../server/schema/changelog.ts';
import type { HeraldApi } from '../api/herald-api.ts';
import { emptyIsNull, field, fieldAs } from '../forms/bind.ts';
import { LiveStatus } from '../forms/error-summary.tsx';
import { Fieldset } from '../forms/field.tsx';
import { problemOf } from '../forms/form-errors.ts';
import { SelectField, TextField } from '../forms/inputs.tsx';
import type { SiteSettings } from './site-settings-model.ts';

const EVERY = [
  ['off', 'Off: no digest'],
  ['daily', 'Daily'],
  ['weekly', 'Weekly'],
] as const;

/** The public changelog's slug and the email digest's schedule, inside the settings form. */
export function ChangelogFields(p: { form: SiteSettings; slug: string | null; origin: string }) {
  const slug = p.slug?.trim();
  const where = slug ? `${p.origin}/changelog/${slug}` : 'no public changelog while empty';
  return (
    <Fieldset
      legend="Public changelog"
      hint="Feed posts everyone may read, with RSS, JSON Feed and an email digest."
    >
      <div class="row">
        <TextField
          label="Changelog slug"
          hint={`Lowercase letters, digits and hyphens: ${where}.`}
          {...fieldAs(p.form, 'changelogSlug', emptyIsNull)}
        />
        <SelectField label="Email digest" options={EVERY} {...field(p.form, 'digest.every')} />
      </div>
    </Fieldset>
  );
}

/** The digest's state as the server reports it, and "send now"; the model takes the API client. */
export function createDigestPanel(api: HeraldApi, siteId: string) {
  const status = signal<DigestStatus | null>(null);
  const message = signal('');
  return {
    status,
    message,
    async load() {
      try {
        status.value = await api.sites.digest(siteId);
      } catch (e) {
        message.value = problemOf(e).message;
      }
    },
    async send() {
      message.value = 'Sending…';
      try {
        const { sent, unsent } = await api.sites.sendDigest(siteId);
        message.value = `Sent ${sent} digest${sent === 1 ? '' : 's'}${unsent ? `, ${unsent} not sent` : ''}.`;
        status.value = await api.sites.digest(siteId);
      } catch (e) {
        message.value = problemOf(e).message;
      }
    },
  };
}

/** Says whether mail can go out at all (no SMTP: nothing is sent), who subscribes, and sends on demand. */
export function DigestPanel({ api, siteId, write }: { api: HeraldApi; siteId: string; write: boolean }) {
  const [m] = useState(() => createDigestPanel(api, siteId));
  useEffect(() => void m.load(), []);
  const s = m.status.value;
  if (!s) return <LiveStatus text={m.message.value} />;
  return (
    <section class="card" aria-labelledby="digest-title">
      <h2 id="digest-title">Email digest</h2>
      {s.smtp ? (
        <p>
          {s.subscribers.confirmed} confirmed subscriber{s.subscribers.confirmed === 1 ? '' : 's'},{' '}
          {s.subscribers.pending} waiting to confirm. Last sent:{' '}
          {s.lastRunAt ? new Date(s.lastRunAt).toLocaleString() : 'never'}.
        </p>
      ) : (
        <p role="note">
          Email is not configured: set <code>HERALD_SMTP_URL</code> on the server. Until then no digest or
          confirmation mail is sent and the changelog offers no subscription.
        </p>
      )}
      {s.changelogUrl && (
        <p>
          Public changelog: <a href={s.changelogUrl}>{s.changelogUrl}</a>
        </p>
      )}
      {write && s.smtp && s.changelogUrl && (
        <div class="actions">
          <button type="button" class="button" onClick={() => void m.send()}>
            Send digest now
          </button>
          <LiveStatus text={m.message.value} />
        </div>
      )}
    </section>
  );
}
