import { useEffect, useState } from 'preact/hooks';
import { useAdmin } from '../app/context.ts';
import { usePageTitle } from '../app/page-title.ts';
import { field } from '../forms/bind.ts';
import { ErrorSummary, LiveStatus } from '../forms/error-summary.tsx';
import { Fieldset } from '../forms/field.tsx';
import { TextField } from '../forms/inputs.tsx';
import { LimitFields } from './limit-fields.tsx';
import { PhaseEditor } from './phase-editor.tsx';
import { createReleaseForm } from './release-form.ts';
import './releases.css';
import { handleSubmit } from '../forms/handle-submit.ts';

/** Creates a release (`releaseId` null) or edits one: name and key, phases, holdout, goal and the limits. */
export function ReleaseFormPage({ siteId, releaseId }: { siteId: string | null; releaseId: string | null }) {
  const { api, router, session, sites } = useAdmin();
  const [form] = useState(() => createReleaseForm(api, { siteId, releaseId }));
  useEffect(() => {
    void form.load().then(() => form.siteId.value && sites.select(form.siteId.value));
  }, []);
  const saved = form.saved.value;
  const title = releaseId ? `Edit ${saved?.name ?? 'release'}` : 'New release';
  usePageTitle(title);
  if (!form.loaded.value) return <p role="status">{form.problem.value ?? 'Loading release…'}</p>;
  const errors = form.errors.value;
  const write = session.canWrite.value;
  const back = saved ? `/releases/${saved.id}` : `/sites/${form.siteId.value}/releases`;
  return (
    <>
      <div class="page-head">
        <h1>{title}</h1>
        <a class="button ghost" href={router.href(back)}>
          {saved ? 'Back to the release' : 'Back to releases'}
        </a>
      </div>
      {saved && saved.status !== 'draft' && (
        <p class="hint">
          This release is {saved.status.replace('_', ' ')}: changes apply at once. Users already exposed stay
          exposed, whatever the new phases say.
        </p>
      )}
      <form
        class="release-form"
        aria-label="Release"
        noValidate
        onSubmit={handleSubmit(async () => {
          const r = await form.save();
          if (r) router.navigate(`/releases/${r.id}`);
        })}
      >
        <ErrorSummary message={form.problem.value} fields={errors} />
        <fieldset class="plain" disabled={!write}>
          <Fieldset legend="Release">
            <div class="row">
              {/* The name's setter also fills a new release's key; the binder gives path, value and errors. */}
              <TextField
                label="Release name"
                placeholder="Reserve ahead"
                {...field(form, 'name')}
                onValue={form.setName}
              />
              <TextField
                label="Key"
                hint={
                  saved
                    ? 'Fixed once created: it decides who falls inside each percentage.'
                    : 'Lowercase letters, digits, - _ . The product asks Herald.isEnabled(key).'
                }
                disabled={saved !== null}
                {...field(form, 'key')}
                onValue={form.setKey}
              />
            </div>
          </Fieldset>
          <PhaseEditor form={form} />
          <LimitFields form={form} />
        </fieldset>
        {write && (
          <div class="actions">
            <button type="submit" class="button primary" disabled={form.busy.value}>
              {saved ? 'Save release' : 'Create release'}
            </button>
            <LiveStatus text={form.status.value} />
          </div>
        )}
      </form>
    </>
  );
}
