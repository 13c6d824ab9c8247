import { describe, expect, it } from 'vitest';
import cases from '../../test/cases/pages.json';
import { matchesPattern, pageAllowed, pathOf } from './pages.ts';

type PageCase = { name: string; include: string[]; exclude: string[]; url?: string; expected: boolean };

describe('matchesPattern', () => {
  it.each(cases.patterns.map((c) => [c.name, c] as const))('%s', (_name, { pattern, path, expected }) => {
    expect(matchesPattern(pattern, path)).toBe(expected);
  });

  it('gives the same answer when a pattern is used again (cached)', () => {
    expect(matchesPattern('/cache/*', '/cache/a')).toBe(true);
    expect(matchesPattern('/cache/*', '/other')).toBe(false);
    expect(matchesPattern('/cache/*', '/cache/b')).toBe(true);
  });

  it('keeps working after thousands of distinct patterns', () => {
    for (let i = 0; i < 6000; i++) expect(matchesPattern(`/p${i}/*`, `/p${i}/x`)).toBe(true);
    expect(matchesPattern('/p0/*', '/p1/x')).toBe(false);
  });
});

describe('pageAllowed', () => {
  it.each((cases.pages as PageCase[]).map((c) => [c.name, c] as const))(
    '%s',
    (_name, { include, exclude, url, expected }) => {
      expect(pageAllowed({ include, exclude }, url)).toBe(expected);
    },
  );
});

describe('pathOf', () => {
  it.each<[string, string]>([
    ['https://app.example.com/app/home?x=1#y', '/app/home'],
    ['https://app.example.com', '/'],
    ['/app/home?x=1', '/app/home'],
    ['//cdn.example.com/a/b', '/a/b'],
  ])('reads the path of %s as %s', (url, path) => {
    expect(pathOf(url)).toBe(path);
  });
});
