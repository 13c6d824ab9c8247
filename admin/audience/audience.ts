import { SEGMENT } from '../../server/core/segments.ts';
import type { Condition } from '../../server/schema/condition.ts';
import {
  cast,
  isScalar,
  type OperatorId,
  type Scalar,
  shapeOf,
  splitList,
  textOf,
  typeOf,
  type ValueType,
} from './operators.ts';

/** One "trait operator value" line of the audience editor. */
export type Row = { kind: 'row'; id: string; trait: string; op: OperatorId; value: string; type: ValueType };
/** A saved segment the audience includes by reference (`{ "$segment": "seg_tx" }`), edited on its own page. */
export type SegmentRef = { kind: 'segment'; id: string; segmentId: string };
/** Rows, segment references and groups joined by all ($and) or any ($or). */
export type Group = { kind: 'group'; id: string; mode: 'all' | 'any'; items: Item[] };
export type Item = Row | SegmentRef | Group;

let next = 0;
const newId = () => `a${++next}`;

export function newRow(over: Partial<Omit<Row, 'kind' | 'id'>> = {}): Row {
  return { kind: 'row', id: newId(), trait: '', op: 'is', value: '', type: 'text', ...over };
}
export function newSegmentRef(segmentId: string): SegmentRef {
  return { kind: 'segment', id: newId(), segmentId };
}
export function newGroup(mode: Group['mode'], items: Item[] = []): Group {
  return { kind: 'group', id: newId(), mode, items };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isOperatorObject = (v: unknown): v is Record<string, unknown> =>
  isRecord(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => k.startsWith('$'));

/** A list the rows can show: scalars of one type, strings without commas or edge spaces. */
function listText(arg: unknown): { value: string; type: ValueType } | null {
  if (!Array.isArray(arg) || !arg.every(isScalar)) return null;
  const types = new Set(arg.map(typeOf));
  if (types.size > 1) return null;
  if (arg.some((v) => typeof v === 'string' && (v.includes(',') || v.trim() !== v || v === ''))) return null;
  return { value: arg.map(textOf).join(', '), type: arg[0] === undefined ? 'text' : typeOf(arg[0]) };
}

function operatorRow(trait: string, op: string, arg: unknown): Row | null {
  if (op === '$exists') return typeof arg === 'boolean' ? newRow({ trait, op: arg ? 'set' : 'unset' }) : null;
  const shape = shapeOf(op);
  const id = op as OperatorId;
  if (shape === 'list') {
    const list = listText(arg);
    return list && newRow({ trait, op: id, ...list });
  }
  if (shape === 'typed')
    return isScalar(arg) ? newRow({ trait, op: id, value: textOf(arg), type: typeOf(arg) }) : null;
  if (shape === 'string') return typeof arg === 'string' ? newRow({ trait, op: id, value: arg }) : null;
  if (shape === 'count')
    return Number.isInteger(arg) ? newRow({ trait, op: id, value: String(arg), type: 'number' }) : null;
  return null;
}

function fieldRows(trait: string, value: unknown): Row[] | null {
  if (isScalar(value)) return [newRow({ trait, value: textOf(value), type: typeOf(value) })];
  if (!isOperatorObject(value)) return null;
  const rows = Object.entries(value).map(([op, arg]) => operatorRow(trait, op, arg));
  return rows.every((r) => r !== null) ? (rows as Row[]) : null;
}

const isConditionList = (v: unknown): v is Record<string, unknown>[] => Array.isArray(v) && v.every(isRecord);

/** The items of a condition whose keys must all hold; `$and` is flattened into them. */
function allItems(condition: Record<string, unknown>): Item[] | null {
  const items: Item[] = [];
  for (const [key, value] of Object.entries(condition)) {
    let more: Item[] | null;
    if (key === '$and') more = isConditionList(value) ? flat(value.map(allItems)) : null;
    else if (key === '$or') more = wrap(anyItems(value));
    else if (key === SEGMENT) more = typeof value === 'string' ? [newSegmentRef(value)] : null;
    else if (key.startsWith('$') || key === '') more = null;
    else more = fieldRows(key, value);
    if (more === null) return null;
    items.push(...more);
  }
  return items;
}

function anyItems(list: unknown): Item[] | null {
  if (!isConditionList(list)) return null;
  const items = list
    .map(allItems)
    .map((i) => (i === null ? null : i.length === 1 ? (i[0] as Item) : newGroup('all', i)));
  return items.every((i) => i !== null) ? (items as Item[]) : null;
}

const flat = (lists: (Item[] | null)[]) =>
  lists.every((l) => l !== null) ? (lists as Item[][]).flat() : null;
const wrap = (items: Item[] | null) => (items === null ? null : [newGroup('any', items)]);

/**
 * The rows and groups for an audience, or null when it uses something the rows cannot show (then the
 * editor offers only the JSON view). `{ $or: [...] }` alone becomes an "any" group at the top.
 *
 * @example toGroup({ city: 'Austin', plan: { $in: ['plus', 'pro'] } }) // all: city is Austin, plan is one of plus, pro
 */
export function toGroup(condition: Condition): Group | null {
  const keys = Object.keys(condition);
  if (keys.length === 1 && keys[0] === '$or') {
    const items = anyItems(condition.$or);
    return items && newGroup('any', items);
  }
  const items = allItems(condition);
  return items && newGroup('all', items);
}

function rowValue(row: Row): unknown {
  const shape = shapeOf(row.op);
  if (row.op === 'set' || row.op === 'unset') return { $exists: row.op === 'set' };
  const one: Scalar =
    shape === 'typed' ? cast(row.value, row.type) : shape === 'count' ? cast(row.value, 'number') : row.value;
  if (row.op === 'is') return one;
  if (shape === 'list') return { [row.op]: splitList(row.value).map((v) => cast(v, row.type)) };
  return { [row.op]: one };
}

/** One item as a condition; a row without a trait yet is left out. */
function itemCondition(item: Item): Condition | null {
  if (item.kind === 'group') return groupCondition(item);
  if (item.kind === 'segment') return { [SEGMENT]: item.segmentId };
  const trait = item.trait.trim();
  return trait === '' ? null : { [trait]: rowValue(item) };
}

/**
 * All items as one object when their keys do not clash (same trait, different operators merge; two
 * segments clash on `$segment`), else `$and`.
 */
function groupCondition(group: Group): Condition {
  const parts = group.items.map(itemCondition).filter((c): c is Condition => c !== null);
  if (group.mode === 'any') return { $or: parts };
  const out: Condition = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const had = out[key];
      if (had === undefined) out[key] = value;
      else if (isOperatorObject(had) && isOperatorObject(value) && !Object.keys(value).some((k) => k in had))
        out[key] = { ...had, ...value };
      else return { $and: parts };
    }
  }
  return out;
}

/**
 * The audience condition the rows say: the inverse of {@link toGroup} for every condition it accepts.
 *
 * @example toCondition(toGroup({ age: { $gt: 18, $lt: 65 } })!) // { age: { $gt: 18, $lt: 65 } }
 */
export function toCondition(root: Group): Condition {
  return groupCondition(root);
}
