import { signal } from '@preact/signals';
import { usesInWords } from '../../server/core/segments.ts';
import type { SegmentInput, SegmentListed } from '../../server/schema/segment.ts';
import type { HeraldApi } from '../api/herald-api.ts';
import { createAudienceEditor } from '../audience/audience-editor.ts';
import { problemOf } from '../forms/form-errors.ts';
import { createFormModel } from '../forms/form-model.ts';
import type { SegmentCatalog } from './segment-catalog.ts';

const blank = (): SegmentInput => ({ name: '', description: '', condition: {} });

/**
 * A site's Segments page: the list (shared with every audience editor through the catalog), one form that
 * creates a segment or edits the one picked, and deleting one (refused, with the reason, while a message
 * or a release phase uses it). Each change says how it went in `status`.
 *
 * @example const page = createSegmentsPage(api, catalog, 'site_1'); page.edit(texas); await page.save();
 */
export function createSegmentsPage(api: HeraldApi, catalog: SegmentCatalog, siteId: string) {
  const form = createFormModel<SegmentInput>(blank());
  /** The segment being edited, or null while the form makes a new one. */
  const editing = signal<SegmentListed | null>(null);
  const audience = createAudienceEditor({}, (condition) => form.set('condition', condition));
  const { status } = form;

  function start(segment: SegmentListed | null) {
    editing.value = segment;
    form.draft.value = segment
      ? { name: segment.name, description: segment.description, condition: segment.condition }
      : blank();
    audience.reset(form.draft.value.condition);
    form.clear();
  }

  return {
    ...form,
    editing,
    audience,
    list: catalog.of(siteId),
    loadProblem: catalog.problemOf(siteId),
    load: () => catalog.refresh(siteId),
    /** Puts a segment in the form to change it. */
    edit: (segment: SegmentListed) => start(segment),
    /** Back to a new, empty segment. */
    cancel: () => start(null),
    /** Creates the segment in the form, or saves the one being edited; the form starts again empty. */
    async save(): Promise<boolean> {
      const input = { ...form.draft.value, name: form.draft.value.name.trim() };
      const was = editing.value;
      const saved = await form.submit(
        () => (was ? api.segments.update(siteId, was.id, input) : api.segments.create(siteId, input)),
        { saying: 'Saving segment…', failed: 'Segment not saved' },
      );
      if (!saved) return false;
      await catalog.refresh(siteId);
      start(null);
      status.value =
        was && was.usedBy.length > 0
          ? `Segment “${saved.name}” saved; ${usesInWords(was.usedBy)} follow it at once.`
          : `Segment “${saved.name}” ${was ? 'saved' : 'created'}.`;
      return true;
    },
    /** Deletes a segment nothing uses; otherwise says what still uses it. */
    async remove(segment: SegmentListed): Promise<boolean> {
      try {
        await api.segments.remove(siteId, segment.id);
      } catch (e) {
        status.value = `Not deleted: ${problemOf(e).message}`;
        return false;
      }
      if (editing.value?.id === segment.id) start(null);
      await catalog.refresh(siteId);
      status.value = `Segment “${segment.name}” deleted.`;
      return true;
    },
  };
}

export type SegmentsPageModel = ReturnType<typeof createSegmentsPage>;
