import { describe, expect, it } from 'vitest';
import { format, hasStrings, isRtl, loadStrings, strings } from './strings.ts';

describe('strings', () => {
  it.each([
    ['de-AT', 'Schließen'],
    ['de', 'Schließen'],
    ['fr-CA', 'Fermer'],
    ['es-MX', 'Cerrar'],
    ['ja-JP', '閉じる'],
    ['ar-EG', 'إغلاق'],
    ['pt-BR', 'Close'],
    ['', 'Close'],
    ['EN_gb', 'Close'],
  ])('falls back from %j by language, then to English', async (locale, close) => {
    await loadStrings(locale);
    expect(hasStrings(locale)).toBe(true);
    expect(strings(locale).close).toBe(close);
  });

  it('has English at once and loads other languages on demand', async () => {
    expect(hasStrings('en-US')).toBe(true);
    expect(hasStrings('pt-BR')).toBe(true);
    expect(strings('pt-BR').submit).toBe('Submit');
  });

  it('has every string in every language', async () => {
    const keys = Object.keys(strings('en')).sort();
    for (const locale of ['de', 'fr', 'es', 'ja', 'ar']) {
      await loadStrings(locale);
      const table = strings(locale);
      expect(Object.keys(table).sort()).toEqual(keys);
      expect(table.emoji).toHaveLength(5);
      expect(table.react).toHaveLength(3);
      expect(table.of).toContain('{n}');
      expect(table.unread).toContain('{n}');
    }
  });

  it('fills placeholders', async () => {
    await loadStrings('de');
    expect(format(strings('en').of, { n: 4, max: 5 })).toBe('4 out of 5');
    expect(format(strings('de').of, { n: 8, max: 10 })).toBe('8 von 10');
  });

  it.each([
    ['ar', true],
    ['ar-EG', true],
    ['he-IL', true],
    ['fa', true],
    ['en', false],
    ['arn', false],
  ])('knows %s is right to left: %s', (locale, rtl) => {
    expect(isRtl(locale)).toBe(rtl);
  });
});
