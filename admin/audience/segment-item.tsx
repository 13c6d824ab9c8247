import type { SegmentRef } from './audience.ts';
import type { AudienceEditor } from './audience-editor.ts';
import { ConditionPick, RemoveCondition } from './condition-parts.tsx';

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
      <ConditionPick
        id={`${id}-segment`}
        label={`Segment ${n}`}
        value={item.segmentId}
        options={segments.map((s) => [s.id, s.name] as const)}
        onPick={(segmentId) => ed.setSegment(item.id, segmentId)}
      >
        {!known && <option value={item.segmentId}>Unknown segment ({item.segmentId})</option>}
      </ConditionPick>
      <RemoveCondition n={n} onRemove={() => ed.remove(item.id)} />
    </div>
  );
}
