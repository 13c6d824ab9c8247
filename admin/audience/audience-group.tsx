import type { Group } from './audience.ts';
import type { AudienceEditor } from './audience-editor.ts';
import { AudienceRow } from './audience-row.tsx';
import { type SegmentChoice, SegmentItem } from './segment-item.tsx';

/** Numbers for conditions, rows and segments (1, 2, … in reading order) and groups (1, 2, … inside the top one), to name controls. */
export function numbering(root: Group): Map<string, number> {
  const n = new Map<string, number>();
  let rows = 0;
  let groups = 0;
  const walk = (g: Group) => {
    for (const item of g.items) {
      if (item.kind !== 'group') n.set(item.id, ++rows);
      else {
        n.set(item.id, ++groups);
        walk(item);
      }
    }
  };
  walk(root);
  return n;
}

type Props = {
  group: Group;
  ed: AudienceEditor;
  n: Map<string, number>;
  /** The site's saved segments the group may include (none in a segment's own audience). */
  segments: readonly SegmentChoice[];
  top?: boolean;
};

/**
 * A group of conditions joined by all (and) or any (or); the top one can hold groups of its own. A
 * condition is a trait row or a saved segment.
 */
export function AudienceGroup({ group, ed, n, segments, top }: Props) {
  const index = n.get(group.id) ?? 0;
  const name = top ? 'Match' : `Group ${index} matches`;
  const mode = `mode-${group.id}`;
  return (
    <fieldset class={top ? 'agroup top' : 'agroup'}>
      <legend class="sr-only">{top ? 'Conditions' : `Group ${index}`}</legend>
      <div class="amode">
        <label for={mode}>{name}</label>
        <select
          id={mode}
          value={group.mode}
          onChange={(e) => ed.setMode(group.id, e.currentTarget.value as Group['mode'])}
        >
          <option value="all">all of these (and)</option>
          <option value="any">any of these (or)</option>
        </select>
      </div>
      {group.items.length === 0 && top && <p class="hint">No conditions: everyone matches.</p>}
      <ul class="aitems">
        {group.items.map((item) => (
          <li key={item.id}>
            {item.kind === 'row' ? (
              <AudienceRow row={item} n={n.get(item.id) ?? 0} ed={ed} />
            ) : item.kind === 'segment' ? (
              <SegmentItem item={item} n={n.get(item.id) ?? 0} ed={ed} segments={segments} />
            ) : (
              <AudienceGroup group={item} ed={ed} n={n} segments={segments} />
            )}
          </li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" class="button small" onClick={() => ed.addRow(group.id)}>
          {top ? 'Add condition' : `Add condition to group ${index}`}
        </button>
        {segments[0] && (
          <button
            type="button"
            class="button small"
            onClick={() => segments[0] && ed.addSegment(group.id, segments[0].id)}
          >
            {top ? 'Add segment' : `Add segment to group ${index}`}
          </button>
        )}
        {top && (
          <button type="button" class="button small ghost" onClick={() => ed.addGroup()}>
            Add group
          </button>
        )}
        {!top && (
          <button type="button" class="button small ghost" onClick={() => ed.remove(group.id)}>
            Remove group {index}
          </button>
        )}
      </div>
    </fieldset>
  );
}
