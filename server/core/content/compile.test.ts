import { describe, expect, it } from 'vitest';
import { compileContent } from './compile.ts';

describe('compileContent', () => {
  it('compiles the markdown body of every locale', () => {
    const result = compileContent({
      en: { title: 'New', body: 'Reserve **ahead**.', cta: { label: 'Try it', url: '/reserve' } },
      de: { title: 'Neu', body: 'Jetzt *reservieren*.' },
    });
    expect(result).toEqual({
      ok: true,
      content: {
        en: {
          title: 'New',
          body: [{ t: 'p', c: ['Reserve ', { t: 'strong', c: ['ahead'] }, '.'] }],
          cta: { label: 'Try it', url: '/reserve' },
        },
        de: { title: 'Neu', body: [{ t: 'p', c: ['Jetzt ', { t: 'em', c: ['reservieren'] }, '.'] }] },
      },
    });
  });

  it('leaves out cta when a locale has none', () => {
    const result = compileContent({ en: { title: 'Hi', body: '' } });
    expect(result).toEqual({ ok: true, content: { en: { title: 'Hi', body: [] } } });
  });

  it('returns the cleaned CTA URL the renderer will use', () => {
    const result = compileContent({
      en: { title: 'Hi', body: '', cta: { label: 'Go', url: ' https://x.test/a ' } },
    });
    expect(result.ok && result.content.en?.cta?.url).toBe('https://x.test/a');
  });

  it('reports every unsafe CTA URL with its locale', () => {
    const result = compileContent({
      en: { title: 'Hi', body: '', cta: { label: 'Go', url: 'javascript:alert(1)' } },
      de: { title: 'Hallo', body: '', cta: { label: 'Los', url: 'JaVa\tscript:alert(1)' } },
      fr: { title: 'Salut', body: '', cta: { label: 'Va', url: '/ok' } },
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        'en.cta.url: only http(s) and relative URLs are allowed',
        'de.cta.url: only http(s) and relative URLs are allowed',
      ],
    });
  });

  it('drops an unsafe body link silently but keeps its text', () => {
    const result = compileContent({ en: { title: 'Hi', body: '[click](javascript:alert(1))' } });
    expect(result).toEqual({ ok: true, content: { en: { title: 'Hi', body: [{ t: 'p', c: ['click'] }] } } });
  });
});
