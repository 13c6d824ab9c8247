import { describe, expect, it } from 'vitest';
import { chooseLocale, isRtlLocale } from './locale.ts';

describe('chooseLocale', () => {
  it.each<[string, string[], string | undefined, string, string]>([
    ['picks the exact locale', ['en', 'de', 'de-AT'], 'de-AT', 'en', 'de-AT'],
    ['matches case-insensitively and returns the stored spelling', ['en', 'pt-BR'], 'PT-br', 'en', 'pt-BR'],
    ['accepts an underscore separator', ['en', 'pt-BR'], 'pt_BR', 'en', 'pt-BR'],
    ['falls back from a region to its language', ['en', 'de'], 'de-AT', 'en', 'de'],
    ['falls back from a language to one of its regions', ['en', 'de-DE'], 'de', 'en', 'de-DE'],
    ['prefers the bare language to a sibling region', ['de-DE', 'de'], 'de-AT', 'en', 'de'],
    [
      'prefers the first sibling region in the message order',
      ['fr', 'de-CH', 'de-DE'],
      'de-AT',
      'fr',
      'de-CH',
    ],
    ['prefers more shared subtags', ['zh-Hans', 'zh-Hant'], 'zh-Hant-TW', 'zh-Hans', 'zh-Hant'],
    ['uses the default locale when the language is missing', ['de', 'en', 'fr'], 'ja-JP', 'en', 'en'],
    ['uses the default locale when nothing was requested', ['de', 'en'], undefined, 'en', 'en'],
    ['uses the default locale for an empty request', ['de', 'en'], '', 'en', 'en'],
    ['matches the default locale case-insensitively', ['de', 'en-US'], 'ja', 'EN-us', 'en-US'],
    ['uses the first available when the default is missing too', ['de', 'fr'], 'ja', 'en', 'de'],
    ['returns the default when nothing is available', [], 'de', 'en', 'en'],
  ])('%s', (_name, available, requested, fallback, expected) => {
    expect(chooseLocale(available, requested, fallback)).toBe(expected);
  });
});

describe('isRtlLocale', () => {
  it.each<[string, boolean]>([
    ['ar', true],
    ['ar-EG', true],
    ['he-IL', true],
    ['iw', true],
    ['fa-IR', true],
    ['ur', true],
    ['ps', true],
    ['sd', true],
    ['ug', true],
    ['yi', true],
    ['dv', true],
    ['ckb', true],
    ['ku-Arab', true],
    ['ku-Arab-IQ', true],
    ['pa-Arab-PK', true],
    ['ku', false],
    ['ku-Latn', false],
    ['sd-Deva', false],
    ['az-Arab', true],
    ['az-Latn', false],
    ['AR-eg', true],
    ['en', false],
    ['en-US', false],
    ['de-AT', false],
    ['', false],
  ])('says %s reads right to left: %s', (locale, expected) => {
    expect(isRtlLocale(locale)).toBe(expected);
  });
});
