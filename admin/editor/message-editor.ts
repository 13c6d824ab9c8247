import { computed, signal } from '@preact/signals';
import type { Message, MessageInput } from '../../server/schema/message.ts';
import type { Release } from '../../server/schema/release.ts';
import type { EstimateTarget, HeraldApi } from '../api/herald-api.ts';
import { createAudienceEditor } from '../audience/audience-editor.ts';
import { createEstimate } from '../audience/estimate.ts';
import { type FieldErrors, problemOf } from '../forms/form-errors.ts';
import { blankMessage, cleanDraft, inputOf, stableJson, withLocale, withoutLocale } from './message-draft.ts';
import { releaseHold } from './publish-note.ts';

type Action = 'publish' | 'pause' | 'archive';
const done: Record<Action, string> = { publish: 'Published.', pause: 'Paused.', archive: 'Archived.' };

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
  const saved = signal<Message | null>(null);
  const siteId = signal(ids.siteId ?? '');
  const draft = signal<MessageInput>(blankMessage());
  const locale = signal('en');
  const errors = signal<FieldErrors>({});
  const problem = signal<string | null>(null);
  const status = signal('');
  const busy = signal(false);
  const loaded = signal(false);
  const releases = signal<Release[]>([]);
  const estimate = createEstimate(api);
  const audience = createAudienceEditor({}, (c) => {
    draft.value = { ...draft.value, audience: c };
    if (siteId.value) estimate.request(siteId.value, c, targetOf(draft.value, saved.value?.id));
  });
  const dirty = computed(
    () => !saved.value || stableJson(cleanDraft(draft.value)) !== stableJson(inputOf(saved.value)),
  );

  function fail(e: unknown, what: string) {
    const p = problemOf(e);
    errors.value = p.fields;
    problem.value = p.message;
    status.value = `${what}: ${p.message}`;
  }

  function accept(m: Message) {
    saved.value = m;
    draft.value = inputOf(m);
    errors.value = {};
    problem.value = null;
  }

  async function save(): Promise<Message | null> {
    busy.value = true;
    status.value = 'Saving…';
    try {
      const body = cleanDraft(draft.value);
      const m = saved.value
        ? await api.messages.update(saved.value.id, body)
        : await api.messages.create(siteId.value, body);
      accept(m);
      status.value = 'Draft saved.';
      return m;
    } catch (e) {
      fail(e, 'Not saved');
      return null;
    } finally {
      busy.value = false;
    }
  }

  return {
    saved,
    siteId,
    draft,
    locale,
    errors,
    problem,
    status,
    busy,
    loaded,
    releases,
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
        // Before the form shows, so the Release select never shows "None" for a message that follows one.
        releases.value = await api.releases.list(siteId.value).catch(() => []);
        loaded.value = true;
      } catch (e) {
        problem.value = problemOf(e).message;
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
