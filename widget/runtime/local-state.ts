import { uuid } from './ids.ts';

/**
 * What this browser remembers between page views: its anonymous id, and the messages the user closed or
 * answered, so a dismissed modal stays dismissed even before the server has the event.
 */
export type LocalState = {
  anonymousId(): string;
  isDone(messageId: string): boolean;
  /** `forever` survives reloads and other tabs (localStorage); otherwise it lasts the tab's session. */
  remember(messageId: string, forever: boolean): void;
  /** A new anonymous id and nothing remembered: for a user who logs out. */
  reset(): void;
};

type Area = 'localStorage' | 'sessionStorage';

const AID = 'herald.aid';
const DONE = 'herald.done';
/** Used when storage throws (blocked cookies, private modes, quota): the page view still behaves. */
const memory: Record<string, string> = {};

const read = (area: Area, key: string): string | undefined => {
  try {
    return window[area].getItem(key) ?? memory[area + key];
  } catch {
    return memory[area + key];
  }
};

const write = (area: Area, key: string, value: string): void => {
  memory[area + key] = value;
  try {
    window[area].setItem(key, value);
  } catch {}
};

const list = (area: Area): string[] => {
  try {
    return JSON.parse(read(area, DONE) ?? '[]');
  } catch {
    return [];
  }
};

/** The browser's local state, in web storage with an in-memory fallback. */
export function createLocalState(): LocalState {
  const fresh = () => {
    const id = `a_${uuid()}`;
    write('localStorage', AID, id);
    return id;
  };
  return {
    anonymousId: () => read('localStorage', AID) ?? fresh(),
    isDone: (id) => list('localStorage').includes(id) || list('sessionStorage').includes(id),
    remember(id, forever) {
      const area = forever ? 'localStorage' : 'sessionStorage';
      // The newest 200 are plenty: the server remembers the rest once it has the events.
      write(area, DONE, JSON.stringify([...list(area).filter((x) => x !== id), id].slice(-200)));
    },
    reset() {
      fresh();
      write('localStorage', DONE, '[]');
      write('sessionStorage', DONE, '[]');
    },
  };
}
