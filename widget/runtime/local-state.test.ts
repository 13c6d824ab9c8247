import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLocalState } from './local-state.ts';

describe('local state', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('keeps one anonymous id across page loads', () => {
    const id = createLocalState().anonymousId();
    expect(id).toMatch(/^a_[0-9a-f-]{36}$/);
    expect(createLocalState().anonymousId()).toBe(id);
  });

  it('remembers a message dismissed for good across page loads', () => {
    createLocalState().remember({ id: 'msg_1', dismissible: 'forever' });
    expect(createLocalState().isDone('msg_1')).toBe(true);
    expect(createLocalState().isDone('msg_2')).toBe(false);
  });

  it('remembers a session dismissal only for this page', () => {
    const state = createLocalState();
    state.remember({ id: 'msg_1', dismissible: 'session' });
    expect(state.isDone('msg_1')).toBe(true);
    expect(createLocalState().isDone('msg_1')).toBe(false);
  });

  it('starts over on reset: a new anonymous id and nothing remembered', () => {
    const state = createLocalState();
    const before = state.anonymousId();
    state.remember({ id: 'msg_1', dismissible: 'forever' });
    state.remember({ id: 'msg_2', dismissible: 'session' });
    state.reset();
    expect(state.anonymousId()).not.toBe(before);
    expect(state.isDone('msg_1')).toBe(false);
    expect(state.isDone('msg_2')).toBe(false);
  });

  it('keeps only the newest 200 ids', () => {
    const state = createLocalState();
    for (let i = 0; i < 210; i++) state.remember({ id: `m${i}`, dismissible: 'forever' });
    const fresh = createLocalState();
    expect(fresh.isDone('m0')).toBe(false);
    expect(fresh.isDone('m209')).toBe(true);
  });

  it('works in memory where storage throws', () => {
    const blocked = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    vi.stubGlobal('localStorage', new Proxy({}, { get: blocked, set: blocked }));
    const state = createLocalState();
    const id = state.anonymousId();
    expect(state.anonymousId()).toBe(id);
    state.remember({ id: 'msg_1', dismissible: 'forever' });
    expect(state.isDone('msg_1')).toBe(true);
  });
});
