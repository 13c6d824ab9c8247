import { signal } from '@preact/signals';
import type { Condition } from '../../server/schema/condition.ts';
import type { Release } from '../../server/schema/release.ts';
import { ApiError } from '../api/client.ts';
import type { HeraldApi } from '../api/herald-api.ts';
import { type AudienceEditor, createAudienceEditor } from '../audience/audience-editor.ts';
import { type FieldErrors, problemOf } from '../forms/form-errors.ts';
import { createFormModel } from '../forms/form-model.ts';
import type { Path } from '../forms/paths.ts';
import {
  blankRelease,
  draftOf,
  inputOf,
  keyFrom,
  movePhase,
  newPhase,
  type PhaseDraft,
  type ReleaseDraft,
  templatePhases,
} from './release-draft.ts';

/** Problems of phases are keyed by position (`phases.1.audience`): they no longer fit once phases move. */
const withoutPhaseErrors = (errors: FieldErrors) =>
  Object.fromEntries(Object.entries(errors).filter(([k]) => !k.startsWith('phases')));

/** Only the problem of `path` itself: a group's fieldset shows that, and each field inside shows its own. */
export const ownError = (errors: FieldErrors, path: string): FieldErrors =>
  errors[path] === undefined ? {} : { [path]: errors[path] };

/** The number boxes a release cannot go without: each phase's percent, and the guardrails' response count. */
const required = (d: ReleaseDraft): Path<ReleaseDraft>[] => [
  ...d.phases.map((_, i) => `phases.${i}.percent` as const),
  ...(d.guardrails.on ? (['guardrails.minResponses'] as const) : []),
];

/** A taken key is a 409 without field problems; it belongs beside the key all the same. */
const explain = (e: unknown) =>
  e instanceof ApiError && e.code === 'duplicate_key'
    ? { message: 'Could not save: 1 problem to fix.', fields: { key: e.message } }
    : null;

/**
 * The release form: the draft, one audience editor per phase, the server's field errors, a status line
 * for the live region. A new release's key follows its name until someone types a key.
 *
 * @example const form = createReleaseForm(api, { siteId: 'site_1', releaseId: null }); form.useTemplate('Austin');
 */
export function createReleaseForm(api: HeraldApi, ids: { siteId: string | null; releaseId: string | null }) {
  const form = createFormModel<ReleaseDraft>(blankRelease(), { required, explain });
  const { draft, errors, status } = form;
  const saved = signal<Release | null>(null);
  const siteId = signal(ids.siteId ?? '');
  const loaded = signal(ids.releaseId === null);
  const editors = new Map<string, AudienceEditor>();
  let keyTouched = false;

  const setPhase = (id: string, patch: Partial<PhaseDraft>) => {
    draft.value = {
      ...draft.value,
      phases: draft.value.phases.map((p) => (p.id === id ? { ...p, ...patch } : p)),
    };
  };
  const setPhases = (phases: PhaseDraft[], said: string) => {
    draft.value = { ...draft.value, phases };
    errors.value = withoutPhaseErrors(errors.value);
    status.value = said;
  };
  const named = (p: PhaseDraft | undefined, i: number) => (p?.name ? `“${p.name}”` : `phase ${i + 1}`);

  return {
    ...form,
    saved,
    siteId,
    loaded,
    /** The audience editor of a phase, made on first use; its edits go into the draft. */
    editorFor(phase: PhaseDraft): AudienceEditor {
      let ed = editors.get(phase.id);
      if (!ed) {
        ed = createAudienceEditor(phase.audience, (audience: Condition) => setPhase(phase.id, { audience }));
        editors.set(phase.id, ed);
      }
      return ed;
    },
    async load() {
      if (!ids.releaseId) return;
      try {
        const r = await api.releases.get(ids.releaseId);
        [saved.value, siteId.value, draft.value] = [r, r.siteId, draftOf(r)];
        loaded.value = true;
      } catch (e) {
        form.problem.value = problemOf(e).message;
      }
    },
    setName(name: string) {
      const keep = keyTouched || saved.value !== null;
      draft.value = { ...draft.value, name, key: keep ? draft.value.key : keyFrom(name) };
    },
    setKey(key: string) {
      keyTouched = true;
      draft.value = { ...draft.value, key };
    },
    /** Replaces the phases with pilot city → region → everyone. */
    useTemplate(city: string, otherCities = ''): boolean {
      if (!city.trim()) {
        status.value = 'Type the pilot city to use the template.';
        return false;
      }
      setPhases(
        templatePhases(city, otherCities),
        `Filled in three phases: pilot in ${city.trim()}, region, everyone.`,
      );
      return true;
    },
    addPhase(): PhaseDraft {
      const phase = newPhase();
      setPhases([...draft.value.phases, phase], `Added phase ${draft.value.phases.length + 1}.`);
      return phase;
    },
    removePhase(index: number) {
      const phases = draft.value.phases;
      if (phases.length <= 1) return;
      setPhases(
        phases.filter((_, i) => i !== index),
        `Removed ${named(phases[index], index)}.`,
      );
    },
    movePhase(index: number, by: -1 | 1) {
      const phases = draft.value.phases;
      const moved = movePhase(phases, index, by);
      if (moved !== phases)
        setPhases(
          moved,
          `Moved ${named(phases[index], index)} to position ${index + by + 1} of ${phases.length}.`,
        );
    },
    async save(): Promise<Release | null> {
      const input = inputOf(draft.value);
      const id = saved.value?.id;
      const r = await form.submit(
        () => (id ? api.releases.update(id, input) : api.releases.create(siteId.value, input)),
        { saying: 'Saving…', failed: 'Not saved' },
      );
      if (r) [saved.value, status.value] = [r, 'Release saved.'];
      return r;
    },
  };
}

export type ReleaseForm = ReturnType<typeof createReleaseForm>;
