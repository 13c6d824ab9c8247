import { describe, expect, it } from 'vitest';
import { eventGroups, groupReading, hourOf, MAX_GROUP_VALUE_BYTES, traitKey } from './rollup-groups.ts';

describe('eventGroups', () => {
  it.each([
    ['an event outside any phase, without traits', null, {}, ['*', 'p']],
    ['a phase and a trait', 'Pilot', { city: 'Austin' }, ['*', 'p:Pilot', 't:city', 't:city=Austin']],
    [
      'numbers and booleans as their JSON text',
      null,
      { seats: 3, beta: true },
      ['*', 'p', 't:seats', 't:seats=3', 't:beta', 't:beta=true'],
    ],
    ['a null trait as no trait', null, { city: null }, ['*', 'p']],
    ['a name no breakdown accepts left out', null, { 'bad name': 'x' }, ['*', 'p']],
    [
      'an object as its JSON',
      null,
      { address: { city: 'Austin' } },
      ['*', 'p', 't:address', 't:address={"city":"Austin"}'],
    ],
  ])('counts %s', (_name, phase, traits, groups) => {
    expect(eventGroups(phase, traits)).toEqual(groups);
  });

  it('counts a value too long for a key under its trait only', () => {
    const long = 'é'.repeat(MAX_GROUP_VALUE_BYTES); // two bytes a character
    expect(eventGroups(null, { note: long })).toEqual(['*', 'p', 't:note']);
  });
});

describe('groupReading', () => {
  it('reads a phase breakdown, the group without a phase as null', () => {
    const r = groupReading({ kind: 'phase' });
    expect([r.keyOf('p:Pilot'), r.keyOf('p'), r.keyOf('t:city=Austin'), r.anyValue]).toEqual([
      'Pilot',
      null,
      undefined,
      null,
    ]);
  });

  it('reads a trait breakdown, leaving the "none" group to everything less the trait as such', () => {
    const r = groupReading({ kind: 'trait', name: 'city' });
    expect([r.keyOf('t:city=Austin'), r.keyOf('t:city'), r.keyOf('t:cityx=1'), r.anyValue]).toEqual([
      'Austin',
      undefined,
      undefined,
      't:city',
    ]);
  });
});

describe('traitKey and hourOf', () => {
  it('gives strings as they are and others as JSON', () => {
    expect([traitKey('a'), traitKey(2.5), traitKey(false), traitKey(undefined)]).toEqual([
      'a',
      '2.5',
      'false',
      null,
    ]);
  });

  it('buckets a time by its UTC hour, whatever its offset', () => {
    expect(hourOf('2026-11-26T23:30:00-02:00')).toBe('2026-11-27T01');
  });
});
