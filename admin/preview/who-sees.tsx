import { useState } from 'preact/hooks';
import type { HeraldApi } from '../api/herald-api.ts';
import { field } from '../forms/bind.ts';
import { handleSubmit } from '../forms/handle-submit.ts';
import { CheckField, TextAreaField, TextField } from '../forms/inputs.tsx';
import { reasonText } from './reasons.ts';
import { createWhoSees } from './who-sees-model.ts';

type Props = { api: HeraldApi; siteId: string; messageId: string | null; dirty: boolean };

/** A sample user's traits, page and locale → shown, or hidden and why (judged as if the message were live). */
export function WhoSeesThis({ api, siteId, messageId, dirty }: Props) {
  const [who] = useState(() => createWhoSees(api));
  const r = who.result.value;
  return (
    <section class="who-sees" aria-labelledby="who-title">
      <h3 id="who-title">Who will see this</h3>
      <form
        onSubmit={handleSubmit(() => {
          if (messageId) void who.check(siteId, messageId);
        })}
      >
        <TextField label="Sample user id" {...field(who, 'user.id')} />
        <TextAreaField label="Sample traits (JSON)" rows={3} mono {...field(who, 'user.traits')} />
        <div class="row">
          <TextField
            label="Page URL"
            placeholder="https://app.example.com/home"
            {...field(who, 'context.url')}
          />
          <TextField label="Browser locale" placeholder="en-US" {...field(who, 'context.locale')} />
        </div>
        <CheckField label="Ignore what this user already saw" {...field(who, 'ignoreHistory')} />
        {!messageId && <p class="hint">Save the draft first to check a sample user.</p>}
        {messageId && dirty && <p class="hint">Checks the last saved version.</p>}
        <button type="submit" class="button" disabled={!messageId || who.busy.value}>
          Check sample user
        </button>
      </form>
      <div role="status" class="verdict">
        {who.problem.value && <p class="error">{who.problem.value}</p>}
        {r?.show && <p class="shown">Shown: this user would see the message.</p>}
        {r && !r.show && (
          <p class="hidden-reason">
            Hidden: {reasonText(r.reason)} {r.detail && <span class="detail">({r.detail})</span>}{' '}
            <code>{r.reason}</code>
          </p>
        )}
        {r?.release && (
          <p class="release-standing">
            Release “{r.release.name}”: {r.release.reason}.
          </p>
        )}
      </div>
    </section>
  );
}
