import type { SegmentRef } from './audience.ts';
import type { AudienceEditor } from './audience-editor.ts';

/** A saved segment as the picker offers it. */
export type SegmentChoice = { id: string; name: string };

type Props = { item: SegmentRef; n: number; ed: AudienceEditor; segments: readonly SegmentChoice[] };

/**
 * One condition that is a saved segment ("is in segment Texas"): a picker of the site's segments by name.
 * A reference to a segment that is gone (or not loaded yet) stays as it is and says so, so saving the
 * audience never changes it silently.
 */
export function SegmentItem({ item, n, ed, segments }: Props) {
  const id = `cond-${item.id}`;
  const known = segments.some((s) => s.id === item.segmentId);
  return (
    <div class="arow">
      <span class="segment-tag" aria-hidden="true">
        in segment
      </span>
      <label class="sr-only" for={`${id}-segment`}>
        Segment {n}
      </label>
      <select
        id={`${id}-segment`}
        value={item.segmentId}
        onChange={(e) => ed.setSegment(item.id, e.currentTarget.value)}
      >
        {!known && <option value={item.segmentId}>Unknown segment ({item.segmentId})</option>}
        {segments.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        class="button small ghost icon"
        aria-label={`Remove condition ${n}`}
        onClick={() => ed.remove(item.id)}
      >
        ✕
      </button>
    </div>
  );
}
