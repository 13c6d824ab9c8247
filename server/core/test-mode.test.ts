import { describe, expect, it } from 'vitest';
import type { ShownMessage } from '../schema/decide.ts';
import type { Release } from '../schema/release.ts';
import { asksForTestMode, isTestUser, markedForTest, testModeGranted } from './test-mode.ts';

describe('test mode', () => {
  it.each([
    [undefined, 'https://app.example.com/?herald_test=1', true],
    [undefined, 'https://app.example.com/notes?x=1&herald_test=true#top', true],
    [undefined, 'https://app.example.com/?herald_test=0', false],
    [undefined, 'https://app.example.com/?not_herald_test=1', false],
    [undefined, 'https://app.example.com/#herald_test=1', false],
    [undefined, 'not a url herald_test=1', false],
    [undefined, undefined, false],
    [true, undefined, true],
    [false, 'https://app.example.com/', false],
  ])('asked by the option %s or the page %s: %s', (option, url, asked) => {
    expect(asksForTestMode(option, url)).toBe(asked);
  });

  const site = { testUsers: ['qa_1'], identityVerification: 'off' as const };
  it.each([
    [site, { id: 'qa_1', verified: false }, true],
    [site, { id: 'qa_2', verified: false }, false],
    [site, { id: undefined, verified: false }, false],
    [{ ...site, identityVerification: 'optional' as const }, { id: 'qa_1', verified: false }, false],
    [{ ...site, identityVerification: 'optional' as const }, { id: 'qa_1', verified: true }, true],
    [{ ...site, identityVerification: 'required' as const }, { id: 'qa_1', verified: true }, true],
  ])('on %o, granted to %o: %s', (s, user, granted) => {
    expect(testModeGranted(s, user)).toBe(granted);
  });

  it('knows a test user’s events by their key', () => {
    expect(isTestUser(site, 'qa_1')).toBe(true);
    expect(isTestUser(site, 'QA_1')).toBe(false);
    expect(isTestUser(site, undefined)).toBe(false);
  });

  it('marks a message in its title and first paragraph, saying where its release stands', () => {
    const shown = {
      id: 'msg_1',
      content: { title: 'Offline mode', body: [{ t: 'p', c: ['Edit notes offline.'] }] },
    } as unknown as ShownMessage;
    const release = {
      name: 'Offline mode',
      status: 'paused',
      currentPhase: 0,
      phases: [{ name: 'Pilot: Austin' }],
    } as unknown as Release;
    const marked = markedForTest(shown, release);
    expect(marked.content.title).toBe('Test mode · Offline mode');
    expect(marked.content.body).toEqual([
      {
        t: 'p',
        c: [
          { t: 'strong', c: ['Test mode.'] },
          ' You see this as a test user: the release “Offline mode” is paused at phase “Pilot: Austin”.',
        ],
      },
      { t: 'p', c: ['Edit notes offline.'] },
    ]);
    expect(shown.content.title).toBe('Offline mode');
  });
});
