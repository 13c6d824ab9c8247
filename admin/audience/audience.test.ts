import { describe, expect, it } from 'vitest';
import type { Condition } from '../../server/schema/condition.ts';
import { type Group, type Item, newGroup, newRow, newSegmentRef, toCondition, toGroup } from './audience.ts';
import { valueProblem } from './operators.ts';

/** Rows without their ids, to compare shapes. */
const shape = (item: Item): unknown =>
  item.kind === 'row'
    ? [item.trait, item.op, item.value, item.type]
    : item.kind === 'segment'
      ? ['segment', item.segmentId]
      : { [item.mode]: item.items.map(shape) };

const roundTrips: [string, Condition][] = [
  ['everyone', {}],
  ['a text trait', { city: 'Austin' }],
  ['a number trait', { visits: 3 }],
  ['a boolean trait', { beta: true }],
  ['a text that looks like a number', { zip: '78701' }],
  ['is not', { plan: { $ne: 'free' } }],
  ['one of', { plan: { $in: ['plus', 'pro'] } }],
  ['not one of (numbers)', { tier: { $nin: [1, 2] } }],
  ['one of, any case', { city: { $ini: ['austin', 'dallas'] } }],
  ['has all of', { tags: { $all: ['a', 'b'] } }],
  ['a range on one trait', { age: { $gte: 18, $lt: 65 } }],
  ['a pattern', { email: { $regex: '@acme\\.com$' } }],
  ['a version', { appVersion: { $vgte: '2.4.0' } }],
  ['is set', { country: { $exists: true } }],
  ['is not set', { country: { $exists: false } }],
  ['a count', { devices: { $size: 2 } }],
  ['a dotted path', { 'company.size': { $gt: 50 } }],
  ['several traits', { city: 'Austin', plan: { $in: ['plus', 'pro'] } }],
  ['any of two', { $or: [{ city: 'Austin' }, { city: 'Dallas' }] }],
  ['any with an all inside', { $or: [{ city: 'Austin', plan: 'pro' }, { beta: true }] }],
  ['all with an any inside', { city: 'Austin', $or: [{ plan: 'pro' }, { beta: true }] }],
  ['two equal keys need $and', { $and: [{ tags: 'a' }, { tags: 'b' }] }],
  ['a saved segment', { $segment: 'seg_tx' }],
  ['a segment and a trait', { $segment: 'seg_tx', plan: 'pro' }],
  ['two segments need $and', { $and: [{ $segment: 'seg_tx' }, { $segment: 'seg_beta' }] }],
  ['any of two segments', { $or: [{ $segment: 'seg_tx' }, { $segment: 'seg_ca' }] }],
  ['two any groups need $and', { $and: [{ $or: [{ a: 1 }, { b: 2 }] }, { $or: [{ c: 3 }, { d: 4 }] }] }],
];

describe('audience rows', () => {
  it.each(roundTrips)('round-trips %s through the rows', (_, condition) => {
    const group = toGroup(condition);
    expect(group).not.toBeNull();
    expect(toCondition(group as Group)).toEqual(condition);
  });

  it('reads city = Austin as one row', () => {
    expect(shape(toGroup({ city: 'Austin' }) as Group)).toEqual({ all: [['city', 'is', 'Austin', 'text']] });
  });

  it('reads a lone $or as an "any" group at the top', () => {
    expect(shape(toGroup({ $or: [{ city: 'Austin' }, { age: { $gt: 30 } }] }) as Group)).toEqual({
      any: [
        ['city', 'is', 'Austin', 'text'],
        ['age', '$gt', '30', 'number'],
      ],
    });
  });

  it('reads a segment reference as a segment item beside the rows', () => {
    expect(shape(toGroup({ $segment: 'seg_tx', plan: 'pro' }) as Group)).toEqual({
      all: [
        ['segment', 'seg_tx'],
        ['plan', 'is', 'pro', 'text'],
      ],
    });
  });

  it('writes a segment picked in the editor as a reference', () => {
    const root = newGroup('all', [newSegmentRef('seg_tx'), newRow({ trait: 'plan', value: 'pro' })]);
    expect(toCondition(root)).toEqual({ $segment: 'seg_tx', plan: 'pro' });
  });

  it('flattens an $and of different traits into one object', () => {
    expect(toCondition(toGroup({ $and: [{ a: 1 }, { b: 'x' }] }) as Group)).toEqual({ a: 1, b: 'x' });
  });

  it.each<[string, Condition]>([
    ['$not', { $not: { city: 'Austin' } }],
    ['$nor', { $nor: [{ city: 'Austin' }] }],
    ['$elemMatch', { orders: { $elemMatch: { $gt: 3 } } }],
    ['$type', { age: { $type: 'number' } }],
    ['null', { plan: null }],
    ['a mixed list', { plan: { $in: ['pro', 2] } }],
    ['a list item with a comma', { city: { $in: ['Austin, TX'] } }],
    ['an object literal', { address: { city: 'Austin' } }],
    ['a segment reference that is not an id', { $segment: 3 }],
  ])('leaves %s to the JSON view', (_, condition) => {
    expect(toGroup(condition)).toBeNull();
  });

  it('writes rows typed in the editor as a condition', () => {
    const root = newGroup('all', [
      newRow({ trait: 'city', op: 'is', value: 'Austin' }),
      newRow({ trait: 'plan', op: '$in', value: 'plus, pro ,' }),
      newRow({ trait: 'visits', op: '$gte', value: '3', type: 'number' }),
      newRow({ trait: 'beta', op: 'is', value: 'true', type: 'boolean' }),
      newRow({ trait: '', op: 'is', value: 'ignored until it has a trait' }),
      newGroup('any', [
        newRow({ trait: 'os', op: '$regexi', value: '^ios' }),
        newRow({ trait: 'vip', op: 'set' }),
      ]),
    ]);
    expect(toCondition(root)).toEqual({
      city: 'Austin',
      plan: { $in: ['plus', 'pro'] },
      visits: { $gte: 3 },
      beta: true,
      $or: [{ os: { $regexi: '^ios' } }, { vip: { $exists: true } }],
    });
  });

  it('says what is wrong with a value', () => {
    expect(valueProblem('$gt', 'many', 'number')).toMatch(/number/);
    expect(valueProblem('$in', '1, two', 'number')).toMatch(/number/);
    expect(valueProblem('$regex', '(', 'text')).toMatch(/regular expression/);
    expect(valueProblem('$vgte', '', 'text')).toMatch(/version/);
    expect(valueProblem('is', 'Austin', 'text')).toBeNull();
  });
});
