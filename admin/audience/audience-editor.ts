import { signal } from '@preact/signals';
import type { Condition } from '../../server/schema/condition.ts';
import {
  type Group,
  type Item,
  newGroup,
  newRow,
  newSegmentRef,
  type Row,
  toCondition,
  toGroup,
} from './audience.ts';
import { shapeOf } from './operators.ts';

const pretty = (c: Condition) => JSON.stringify(c, null, 2);

/** The tree with one item replaced (or removed, when `fn` returns null). */
function mapItems(group: Group, id: string, fn: (item: Item) => Item | null): Group {
  const items: Item[] = [];
  for (const item of group.items) {
    const next = item.id === id ? fn(item) : item.kind === 'group' ? mapItems(item, id, fn) : item;
    if (next) items.push(next);
  }
  return { ...group, items };
}

/**
 * The audience editor's state: rows and groups, and the raw JSON beside them. Each edit of either side
 * hands the condition to `onChange`; a JSON the rows cannot show keeps the editor on the JSON view.
 *
 * @example const ed = createAudienceEditor({ city: 'Austin' }, (c) => (draft.audience = c)); ed.addRow(ed.root.value!.id);
 */
export function createAudienceEditor(initial: Condition, onChange: (c: Condition) => void) {
  const root = signal<Group | null>(toGroup(initial));
  const view = signal<'rows' | 'json'>(root.value ? 'rows' : 'json');
  const json = signal(pretty(initial));
  const jsonError = signal<string | null>(null);

  function commit(next: Group) {
    root.value = next;
    const condition = toCondition(next);
    json.value = pretty(condition);
    jsonError.value = null;
    onChange(condition);
  }
  const edit = (id: string, fn: (item: Item) => Item | null) => {
    if (root.value) commit(id === root.value.id ? (fn(root.value) as Group) : mapItems(root.value, id, fn));
  };

  return {
    root,
    view,
    json,
    jsonError,
    /** Starts over from a condition (when the message loads). */
    reset(condition: Condition) {
      root.value = toGroup(condition);
      json.value = pretty(condition);
      jsonError.value = null;
      view.value = root.value ? 'rows' : 'json';
    },
    addRow(groupId: string) {
      edit(groupId, (g) => (g.kind === 'group' ? { ...g, items: [...g.items, newRow()] } : g));
    },
    /** A reference to a saved segment, in a group: the group's audience includes the segment's. */
    addSegment(groupId: string, segmentId: string) {
      edit(groupId, (g) =>
        g.kind === 'group' ? { ...g, items: [...g.items, newSegmentRef(segmentId)] } : g,
      );
    },
    /** Points a segment reference at another segment. */
    setSegment(id: string, segmentId: string) {
      edit(id, (r) => (r.kind === 'segment' ? { ...r, segmentId } : r));
    },
    /** A group inside the top one, of the other mode (all → any), with one empty row. */
    addGroup() {
      const top = root.value;
      if (top)
        commit({ ...top, items: [...top.items, newGroup(top.mode === 'all' ? 'any' : 'all', [newRow()])] });
    },
    remove(id: string) {
      edit(id, () => null);
    },
    setMode(groupId: string, mode: Group['mode']) {
      edit(groupId, (g) => (g.kind === 'group' ? { ...g, mode } : g));
    },
    updateRow(id: string, patch: Partial<Omit<Row, 'kind' | 'id'>>) {
      edit(id, (r) => {
        if (r.kind !== 'row') return r;
        const next = { ...r, ...patch };
        if (shapeOf(next.op) === 'none') next.value = '';
        if (shapeOf(next.op) === 'string') next.type = 'text';
        return next;
      });
    },
    /** Raw JSON as typed: applied when it parses to an object; the rows follow when they can show it. */
    setJson(text: string) {
      json.value = text;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (e) {
        jsonError.value = `Not valid JSON: ${(e as Error).message}`;
        return;
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        jsonError.value = 'The audience must be a JSON object, like { "city": "Austin" }.';
        return;
      }
      jsonError.value = null;
      root.value = toGroup(parsed as Condition);
      onChange(parsed as Condition);
    },
    showRows() {
      if (root.value && !jsonError.value) view.value = 'rows';
    },
    showJson() {
      view.value = 'json';
    },
  };
}

export type AudienceEditor = ReturnType<typeof createAudienceEditor>;
