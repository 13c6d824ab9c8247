import type { ShownMessage } from '../../server/schema/decide.ts';
import { uuid } from './ids.ts';

/**
 * What this browser remembers between page views: its anonymous id, and the messages the user closed or
 * answered, so a dismissed modal stays dismissed even before the server has the event.
 */
export type LocalState = {
  anonymousId(): string;
  isDone(messageId: string): boolean;
  /**
   * By the message's `dismissible` rule: `forever` in localStorage (reloads, other tabs); `session` only
   * for this page's life, because such a message (frequency `always` or `times`) may come back on the
   * next page view.
   */
  remember(message: Pick<ShownMessage, 'id' | 'dismissible'>): void;
  /** A new anonymous id and nothing remembered: for a user who logs out. */
  reset(): void;
};

const AID = 'herald.aid';
/** Space-separated message ids (ids never contain spaces): simpler and smaller than JSON. */
const DONE = 'herald.done';

/** The browser's local state, in localStorage with an in-memory fallback where storage throws. */
export function createLocalState(): LocalState {
  const memory: Record<string, string> = {};
  let session: string[] = [];
  const read = (key: string): string | undefined => {
    try {
      return localStorage[key] ?? memory[key];
    } catch {
      return memory[key];
    }
  };
  const write = (key: string, value: string) => {
    memory[key] = value;
    try {
      localStorage[key] = value;
    } catch {}
    return value;
  };
  const done = () => (read(DONE) ?? '').split(' ');
  const fresh = () => write(AID, `a_${uuid()}`);
  return {
    anonymousId: () => read(AID) ?? fresh(),
    isDone: (id) => session.includes(id) || done().includes(id),
    remember({ id, dismissible }) {
      session.push(id);
      // The newest 200 are plenty: the server remembers the rest once it has the events.
      if (dismissible === 'forever')
        write(DONE, [...done().filter((x) => x && x !== id), id].slice(-200).join(' '));
    },
    reset() {
      fresh();
      write(DONE, '');
      session = [];
    },
  };
}
