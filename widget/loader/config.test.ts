import { beforeEach, describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

// The embed tags point at scripts happy-dom must not try to fetch.
const happyDom = (window as unknown as { happyDOM?: { settings: Record<string, unknown> } }).happyDOM;
if (happyDom) happyDom.settings.handleDisabledFileLoadingAsSuccess = true;

describe('readConfig', () => {
  beforeEach(() => document.head.replaceChildren());

  const script = (attrs: Record<string, string>) => {
    const el = document.createElement('script');
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    document.head.append(el);
    return el;
  };

  it('reads the embed tag: site, API at the script origin, chunks beside the script', () => {
    script({ src: 'https://herald.example.com/widget.js', 'data-site': 'pk_demo' });
    expect(readConfig(document)).toEqual({
      site: 'pk_demo',
      api: 'https://herald.example.com',
      chunks: 'https://herald.example.com/widget/',
      locale: navigator.language,
      debug: false,
      launcher: true,
    });
  });

  it('takes data-api (without a trailing slash), data-locale, data-debug and data-launcher="off"', () => {
    script({
      src: 'https://cdn.example.com/herald/widget.js',
      'data-site': 'pk_demo',
      'data-api': 'https://api.example.com/herald/',
      'data-locale': 'de-DE',
      'data-debug': '',
      'data-launcher': 'off',
    });
    expect(readConfig(document)).toMatchObject({
      api: 'https://api.example.com/herald',
      chunks: 'https://cdn.example.com/herald/widget/',
      locale: 'de-DE',
      debug: true,
      launcher: false,
    });
  });

  it('finds nothing to do without a data-site tag', () => {
    script({ src: 'https://herald.example.com/widget.js' });
    expect(readConfig(document)).toBeUndefined();
  });
});
