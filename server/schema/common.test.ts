import { describe, expect, it } from 'vitest';
import { Traits, traitProblems } from './common.ts';

const long = (n: number) => 'x'.repeat(n);

describe('traitProblems', () => {
  it.each([
    ['50 keys', Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]))],
    ['a 100-character key', { [long(100)]: 1 }],
    ['a 1,000-character string', { bio: long(1000) }],
    ['two levels: address.city', { address: { city: 'Austin' }, tags: ['a', 'b'] }],
    ['scalars of every kind', { a: 1, b: true, c: null, d: 'x' }],
  ])('accepts %s', (_name, traits) => {
    expect(traitProblems(traits)).toEqual([]);
  });

  it.each([
    [
      '51 keys',
      Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])),
      [],
      'may have at most 50 keys',
    ],
    ['a 101-character key', { [long(101)]: 1 }, [long(20)], 'a key may be at most 100 characters'],
    ['a 1,001-character string', { bio: long(1001) }, ['bio'], 'must be at most 1000 characters'],
    [
      'a long string two levels down',
      { address: { street: long(5000) } },
      ['address', 'street'],
      'must be at most 1000 characters',
    ],
    [
      'a long string in an array',
      { tags: ['a', long(1001)] },
      ['tags', 1],
      'must be at most 1000 characters',
    ],
    [
      'three levels',
      { address: { geo: { lat: 1 } } },
      ['address', 'geo'],
      'traits may nest at most 2 levels',
    ],
    [
      '51 array items',
      { tags: Array.from({ length: 51 }, () => 'a') },
      ['tags'],
      'may have at most 50 items',
    ],
  ])('refuses %s, naming the field', (_name, traits, path, message) => {
    expect(traitProblems(traits)).toContainEqual({ path, message });
  });

  it('stops after 10 problems, however many there are', () => {
    const traits = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, long(2000)]));
    expect(traitProblems(traits)).toHaveLength(10);
  });

  it('names the field in the schema error', () => {
    const parsed = Traits.safeParse({ bio: long(100_000) });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['bio']);
  });
});
