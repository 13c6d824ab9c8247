import { describe, expect, it } from 'vitest';
import type { Condition } from '../../server/schema/condition.ts';
import { createAudienceEditor } from './audience-editor.ts';

function editor(initial: Condition) {
  const changes: Condition[] = [];
  const ed = createAudienceEditor(initial, (c) => changes.push(c));
  return { ed, changes, last: () => changes.at(-1) };
}

describe('audience editor', () => {
  it('adds rows and groups and hands the condition on', () => {
    const { ed, last } = editor({});
    const root = ed.root.value!;
    ed.addRow(root.id);
    const row = ed.root.value!.items[0]!;
    ed.updateRow(row.id, { trait: 'city', value: 'Austin' });
    expect(last()).toEqual({ city: 'Austin' });
    ed.addGroup();
    const group = ed.root.value!.items[1]!;
    expect(group.kind).toBe('group');
    const inner = group.kind === 'group' ? group.items[0]! : row;
    ed.updateRow(inner.id, { trait: 'plan', op: '$in', value: 'plus, pro' });
    expect(last()).toEqual({ city: 'Austin', $or: [{ plan: { $in: ['plus', 'pro'] } }] });
    ed.remove(group.id);
    expect(last()).toEqual({ city: 'Austin' });
    expect(JSON.parse(ed.json.value)).toEqual({ city: 'Austin' });
  });

  it('switches the top group between all and any', () => {
    const { ed, last } = editor({ city: 'Austin', plan: 'pro' });
    ed.setMode(ed.root.value!.id, 'any');
    expect(last()).toEqual({ $or: [{ city: 'Austin' }, { plan: 'pro' }] });
  });

  it('applies JSON as typed, and keeps bad JSON out', () => {
    const { ed, changes, last } = editor({ city: 'Austin' });
    ed.showJson();
    ed.setJson('{ "city": ');
    expect(ed.jsonError.value).toMatch(/Not valid JSON/);
    expect(changes).toHaveLength(0);
    ed.setJson('{ "age": { "$gte": 18 } }');
    expect(ed.jsonError.value).toBeNull();
    expect(last()).toEqual({ age: { $gte: 18 } });
    ed.showRows();
    expect(ed.view.value).toBe('rows');
    expect(ed.root.value!.items[0]).toMatchObject({ trait: 'age', op: '$gte', value: '18', type: 'number' });
  });

  it('stays on JSON for conditions the rows cannot show', () => {
    const { ed } = editor({ $nor: [{ city: 'Austin' }] });
    expect(ed.view.value).toBe('json');
    ed.showRows();
    expect(ed.view.value).toBe('json');
  });
});
