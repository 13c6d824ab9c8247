import { useEffect, useState } from 'preact/hooks';
import { useAdmin } from '../app/context.ts';
import { usePageTitle } from '../app/page-title.ts';
import { AudienceFields } from '../audience/audience-fields.tsx';
import { ErrorSummary } from '../forms/error-summary.tsx';
import { handleSubmit } from '../forms/handle-submit.ts';
import { PreviewFrames } from '../preview/preview-frames.tsx';
import { bodyIsCompiled, shownMessage } from '../preview/shown-message.ts';
import { WhoSeesThis } from '../preview/who-sees.tsx';
import { useSegmentChoices } from '../segments/segment-catalog.ts';
import { ContentFields } from './content-fields.tsx';
import { DeliveryFields } from './delivery-fields.tsx';
import { KindFields } from './kind-fields.tsx';
import { LifecycleBar } from './lifecycle-bar.tsx';
import { createMessageEditor } from './message-editor.ts';
import { TargetingFields } from './targeting-fields.tsx';

/** Messages just created here: their page (a new address) says "Draft saved." instead of nothing. */
const justCreated = new Set<string>();

/** Every field of a message beside a live preview and the "who will see this" check. */
export function MessageEditorPage({
  siteId,
  messageId,
}: {
  siteId: string | null;
  messageId: string | null;
}) {
  const { api, router, session, sites } = useAdmin();
  const [ed] = useState(() => createMessageEditor(api, { siteId, messageId }));
  useEffect(() => {
    void ed.load().then(() => {
      if (ed.siteId.value) sites.select(ed.siteId.value);
      if (messageId && justCreated.delete(messageId)) ed.status.value = 'Draft saved.';
    });
    return ed.stop;
  }, []);
  const segments = useSegmentChoices(ed.siteId.value);
  const d = ed.draft.value;
  const saved = ed.saved.value;
  usePageTitle(saved ? `Edit ${saved.name}` : 'New message');
  if (!ed.loaded.value) return <p role="status">{ed.problem.value ?? 'Loading message…'}</p>;
  const site = sites.list.value?.find((s) => s.id === ed.siteId.value) ?? null;
  const locales = Object.keys(d.content);
  const compiled = bodyIsCompiled(d, saved, ed.locale.value);
  return (
    <>
      <div class="page-head editor-head">
        <h1>{saved ? saved.name : 'New message'}</h1>
        <LifecycleBar ed={ed} formId="message-form" />
      </div>
      <div class="editor">
        <form
          id="message-form"
          class="editor-form"
          aria-label="Message"
          noValidate
          onSubmit={handleSubmit(async () => {
            const wasNew = !ed.saved.value;
            const m = await ed.save();
            if (m && wasNew) {
              justCreated.add(m.id);
              router.navigate(`/messages/${m.id}`, { replace: true });
            }
          })}
        >
          <ErrorSummary message={ed.problem.value} fields={ed.errors.value} />
          <fieldset class="plain" disabled={!session.canWrite.value}>
            <div class="card">
              <KindFields ed={ed} />
            </div>
            <ContentFields ed={ed} />
            <AudienceFields
              ed={ed.audience}
              errors={ed.errors.value}
              estimate={ed.estimate.result.value}
              segments={segments}
            />
            <TargetingFields ed={ed} />
            <DeliveryFields ed={ed} />
          </fieldset>
        </form>
        <aside class="editor-preview" aria-labelledby="preview-title">
          <h2 id="preview-title">Preview</h2>
          {!compiled && <p class="hint">Body formatting appears in the preview once the draft is saved.</p>}
          <PreviewFrames
            messageFor={(l) => shownMessage(d, saved, l)}
            locales={[ed.locale.value, ...locales.filter((l) => l !== ed.locale.value)]}
            theme={site?.theme ?? null}
          />
          <WhoSeesThis
            api={api}
            siteId={ed.siteId.value}
            messageId={saved?.id ?? null}
            dirty={ed.dirty.value}
          />
        </aside>
      </div>
    </>
  );
}
