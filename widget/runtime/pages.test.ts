import { describe, expect, it } from 'vitest';
import { matchesPages, matchesPattern } from './pages.ts';

const patterns: [pattern: string, path: string, matches: boolean][] = [
  ['/app/*', '/app/rides/1', true],
  ['/app/*', '/app/', true],
  ['/app/*', '/app', false],
  ['/demo/reserve', '/demo/reserve', true],
  ['/demo/reserve', '/demo/reserve/', false],
  ['/demo/reserve', '/demo/reserves', false],
  ['*', '/', true],
  ['/*/settings', '/team/a/settings', true],
  ['/a.b', '/axb', false],
  ['/price?(x)', '/price?(x)', true],
  ['/Reserve', '/reserve', false],
];

describe('matchesPattern', () => {
  it.each(patterns)('%s against %s is %s', (pattern, path, matches) => {
    expect(matchesPattern(pattern, path)).toBe(matches);
  });
});

describe('matchesPages', () => {
  it('shows on every page when include is empty', () => {
    expect(matchesPages({ include: [], exclude: [] }, '/anything')).toBe(true);
    expect(matchesPages(undefined, '/anything')).toBe(true);
  });

  it('needs one include to match and lets exclude win', () => {
    const pages = { include: ['/demo/*'], exclude: ['/demo/rides'] };
    expect(matchesPages(pages, '/demo/reserve')).toBe(true);
    expect(matchesPages(pages, '/demo/rides')).toBe(false);
    expect(matchesPages(pages, '/other')).toBe(false);
  });
});
