import { describe, expect, it } from 'vitest';
import cases from '../../../test/cases/safe-urls.json';
import { safeUrl } from './safe-url.ts';

describe('safeUrl', () => {
  it.each(cases.links)('link: $name', ({ url, expected }) => {
    expect(safeUrl(url, 'link')).toBe(expected);
  });

  it.each(cases.images)('image: $name', ({ url, expected }) => {
    expect(safeUrl(url, 'image')).toBe(expected);
  });

  it.each(cases.links.filter((c) => c.expected !== null))(
    'returns only links a browser resolves to http(s): $name',
    ({ url }) => {
      const kept = safeUrl(url, 'link') ?? '';
      for (const base of ['https://host.test/a/', 'http://host.test/']) {
        expect(['http:', 'https:']).toContain(new URL(kept, base).protocol);
      }
    },
  );

  it('refuses URLs longer than 2000 characters', () => {
    expect(safeUrl(`https://x.test/${'a'.repeat(2000)}`, 'link')).toBeNull();
  });
});
