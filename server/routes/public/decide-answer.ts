import type { Decision } from '../../core/decide.ts';
import type { DecideResponse, ShownMessage } from '../../schema/decide.ts';

/** The parts of a decide answer that are not the messages and releases. */
export type AnswerExtras = Pick<DecideResponse, 'theme' | 'feedUnread' | 'receipt'>;

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
