import type { Decision } from '../../core/decide.ts';
import { markedForTest } from '../../core/test-mode.ts';
import type { DecideResponse, ShownMessage } from '../../schema/decide.ts';
import type { Release } from '../../schema/release.ts';

/** The parts of a decide answer that are not the messages and releases. */
export type AnswerExtras = Pick<DecideResponse, 'theme' | 'feedUnread' | 'receipt' | 'test'>;

/** Fields a message carries that differ per user and request (e.g. a `receipt`), added to its prepared JSON. */
export type PerUserFields = (message: ShownMessage) => Record<string, unknown> | undefined;

/**
 * The decide answer as JSON text (a `DecideResponse`). Each shown message's JSON was prepared when the site
 * was compiled, open at its end, so only the per-user fields are serialised here and spliced in before its
 * closing brace; writing the whole answer with `JSON.stringify` per request was the route's largest cost.
 *
 * @example decideAnswer(decision, { theme }, (m) => ({ receipt: sign(m.id) }))
 */
export function decideAnswer(decision: Decision, extras: AnswerExtras, perUser?: PerUserFields): string {
  const messages = decision.messagesJson.map((open, i) => {
    const fields = perUser?.(decision.messages[i] as ShownMessage);
    const json = fields === undefined ? '{}' : JSON.stringify(fields);
    return json === '{}' ? `${open}}` : `${open},${json.slice(1)}`;
  });
  const rest = JSON.stringify({ releases: decision.releases, ...extras }).slice(1);
  return `{"messages":[${messages.join(',')}],${rest}`;
}

/**
 * A test-mode decision: each shown message marked on screen as seen in test mode (`markedForTest`), its JSON
 * written anew rather than taken from the compiled site (rare, so its cost does not matter).
 */
export function forTestMode(decision: Decision, releases: readonly Release[]): Decision {
  const byKey = new Map(releases.map((r) => [r.key, r]));
  const messages = decision.messages.map((m) =>
    markedForTest(m, m.releaseKey === undefined ? undefined : byKey.get(m.releaseKey)),
  );
  const messagesJson = messages.map((m) => JSON.stringify(m).slice(0, -1));
  return { ...decision, messages, messagesJson };
}
