import { describe, expect, it } from 'vitest';
import {
  blankMessage,
  cleanDraft,
  stableJson,
  withKind,
  withLocale,
  withoutLocale,
} from './message-draft.ts';

describe('message draft', () => {
  it('gives a tooltip an anchor, a survey a scale, and takes them away again', () => {
    const tip = withKind(blankMessage(), 'tooltip');
    expect(tip.display).toEqual({ anchor: '', placement: 'bottom' });
    const survey = withKind(tip, 'survey');
    expect(survey.display).toEqual({ style: 'slideout' });
    expect(survey.survey).toEqual({ scale: 'stars5', followUp: false });
    const back = withKind(survey, 'announcement');
    expect(back.survey).toBeUndefined();
    expect(back.display).toEqual({ style: 'slideout' });
  });

  it('adds a locale as a copy to translate, and removes one but never the last', () => {
    const d = { ...blankMessage('en'), content: { en: { title: 'Hi', body: 'New' } }, defaultLocale: 'en' };
    const de = withLocale(d, 'de', 'en');
    expect(de?.content.de).toEqual({ title: 'Hi', body: 'New' });
    expect(withLocale(d, 'en', 'en')).toBeNull();
    expect(withLocale(d, 'not a tag', 'en')).toBeNull();
    const onlyDe = de && withoutLocale(de, 'en');
    expect(onlyDe?.content).toEqual({ de: { title: 'Hi', body: 'New' } });
    expect(onlyDe?.defaultLocale).toBeUndefined();
    expect(onlyDe && withoutLocale(onlyDe, 'de')).toBeNull();
  });

  it('leaves out a call to action with neither label nor link', () => {
    const d = { ...blankMessage(), content: { en: { title: 'Hi', body: '', cta: { label: '', url: '' } } } };
    expect(cleanDraft(d).content.en).toEqual({ title: 'Hi', body: '' });
  });

  it('compares drafts regardless of key order', () => {
    expect(stableJson({ a: 1, b: { c: 2, d: 3 } })).toBe(stableJson({ b: { d: 3, c: 2 }, a: 1 }));
  });
});
