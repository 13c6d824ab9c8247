import { computed, signal } from '@preact/signals';
import type { Message, MessageInput } from '../../server/schema/message.ts';
import type { Release } from '../../server/schema/release.ts';
import { ApiError } from '../api/client.ts';
import type { EstimateTarget, HeraldApi } from '../api/herald-api.ts';
import { createAudienceEditor } from '../audience/audience-editor.ts';
import { createEstimate } from '../audience/estimate.ts';
import { problemOf } from '../forms/form-errors.ts';
import { createFormModel } from '../forms/form-model.ts';
import type { Path } from '../forms/paths.ts';
import { blankMessage, cleanDraft, inputOf, stableJson, withLocale, withoutLocale } from './message-draft.ts';
import { releaseHold } from './publish-note.ts';

type Action = 'publish' | 'pause' | 'archive';
/** The number box a message cannot go without: how many times, for a `times` frequency (the rest have defaults). */
const required = (d: MessageInput): Path<MessageInput>[] =>
  d.frequency.mode === 'times' ? ['frequency.times'] : [];
const done: Record<Action, string> = { publish: 'Published.', pause: 'Paused.', archive: 'Archived.' };

/** A save refused because someone else changed the message since it was loaded: say what to do. */
function changedElsewhere(e: unknown) {
  if (!(e instanceof ApiError) || e.code !== 'message_changed') return null;
  const message =
    'Someone else changed this message since you opened it. Your edits are still here: copy what you need, then reload the page to see theirs.';
  return { message, fields: {} };
}

/**
 * The message editor: the draft being edited, the saved message, the server's field errors, a status
 * line for the live region, and the lifecycle. Publishing, pausing or archiving saves pending edits first.
 *
 * @example const ed = createMessageEditor(api, { siteId: 'site_1', messageId: null }); await ed.load();
 */
export function createMessageEditor(
  api: HeraldApi,
  ids: { siteId: string | null; messageId: string | null },
) {
  const form = createFormModel<MessageInput>(blankMessage(), { required, explain: changedElsewhere });
  const { draft, status, busy, fail } = form;
  const saved = signal<Message | null>(null);
  const siteId = signal(ids.siteId ?? '');
  const locale = signal('en');
  const loaded = signal(false);
  const releases = signal<Release[]>([]);
  /** Why the site's releases could not be listed; the Release field says so rather than "None". */
  const releasesProblem = signal<string | null>(null);
  const estimate = createEstimate(api);
  const audience = createAudienceEditor({}, (c) => {
    draft.value = { ...draft.value, audience: c };
    if (siteId.value) estimate.request(siteId.value, c, targetOf(draft.value, saved.value?.id));
  });
  const dirty = computed(
    () => !saved.value || stableJson(cleanDraft(draft.value)) !== stableJson(inputOf(saved.value)),
  );

  function accept(m: Message) {
    saved.value = m;
    draft.value = inputOf(m);
    form.clear();
  }

  async function save(): Promise<Message | null> {
    const body = cleanDraft(draft.value);
    const was = saved.value;
    // The version loaded goes with the edit: a save never silently undoes someone else's change.
    const m = await form.submit(
      () =>
        was
          ? api.messages.update(was.id, { ...body, version: was.version })
          : api.messages.create(siteId.value, body),
      { saying: 'Saving…', failed: 'Not saved' },
    );
    if (m) {
      accept(m);
      status.value = 'Draft saved.';
    }
    return m;
  }

  /** The site's releases, before the form shows, so the Release select never shows "None" for a message that follows one. */
  async function loadReleases() {
    try {
      releases.value = await api.releases.list(siteId.value);
      releasesProblem.value = null;
    } catch (e) {
      releasesProblem.value = `Could not list the site's releases: ${problemOf(e).message}`;
    }
  }

  return {
    ...form,
    saved,
    siteId,
    locale,
    loaded,
    releases,
    releasesProblem,
    audience,
    estimate,
    dirty,
    async load() {
      try {
        if (ids.messageId) {
          accept(await api.messages.get(ids.messageId));
          siteId.value = saved.value?.siteId ?? '';
        } else {
          const site = await api.sites.get(siteId.value);
          draft.value = blankMessage(site.defaultLocale);
        }
        locale.value = draft.value.defaultLocale ?? Object.keys(draft.value.content)[0] ?? 'en';
        audience.reset(draft.value.audience);
        estimate.request(siteId.value, draft.value.audience, targetOf(draft.value, saved.value?.id));
        await loadReleases();
        loaded.value = true;
      } catch (e) {
        form.problem.value = problemOf(e).message;
      }
    },
    update(fn: (d: MessageInput) => MessageInput) {
      const before = draft.value;
      draft.value = fn(before);
      // The estimate follows the release and rollout as well as the audience.
      const [was, now] = [targetOf(before), targetOf(draft.value, saved.value?.id)];
      if (siteId.value && (was.releaseId !== now.releaseId || was.percent !== now.percent))
        estimate.request(siteId.value, draft.value.audience, now);
    },
    /** Adds a locale (a copy of the current one to translate) and switches to it; false when the tag is bad. */
    addLocale(tag: string): boolean {
      const next = withLocale(draft.value, tag, locale.value);
      if (next) [draft.value, locale.value] = [next, tag];
      return next !== null;
    },
    removeLocale(tag: string) {
      const next = withoutLocale(draft.value, tag);
      if (next) [draft.value, locale.value] = [next, Object.keys(next.content)[0] ?? 'en'];
    },
    save,
    async act(action: Action): Promise<boolean> {
      if (dirty.value && !(await save())) return false;
      const current = saved.value;
      if (!current) return false;
      busy.value = true;
      try {
        accept(await api.messages.act(current.id, action));
        // Published on a release that holds it back: say so, rather than a bare "Published."
        const hold = action === 'publish' ? releaseHold(current.releaseId, releases.value) : null;
        status.value = hold ? `${done[action]} ${hold}` : done[action];
        return true;
      } catch (e) {
        fail(e, `Could not ${action}`);
        return false;
      } finally {
        busy.value = false;
      }
    },
    async remove(): Promise<boolean> {
      if (!saved.value) return false;
      try {
        await api.messages.remove(saved.value.id);
        status.value = 'Deleted.';
        return true;
      } catch (e) {
        fail(e, 'Could not delete');
        return false;
      }
    },
    stop() {
      estimate.stop();
    },
  };
}

export type MessageEditor = ReturnType<typeof createMessageEditor>;

/** What the estimate needs besides the audience: the release and rollout decide checks, and the id once saved. */
function targetOf(d: MessageInput, messageId?: string): EstimateTarget {
  return {
    releaseId: d.releaseId ?? null,
    percent: d.rollout?.percent ?? 100,
    ...(messageId ? { messageId } : {}),
  };
}
