import { type RawBuilder, sql } from 'kysely';

/**
 * True for an event of `alias` that is not a response superseded by a later response of the same user to
 * the same message: gates, guardrails, results and reports count one answer per user and message, the
 * latest (by time, then id), so answering thirty times weighs as much as answering once.
 *
 * @example db.selectFrom('events as e').where(countedAnswer('e'))
 */
export function countedAnswer(alias: string): RawBuilder<boolean> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<boolean>`(${col('type')} <> 'response' or not exists (
    select 1 from events later
    where later.message_id = ${col('message_id')} and later.type = 'response'
      and later.user_key = ${col('user_key')}
      and (later.at > ${col('at')} or (later.at = ${col('at')} and later.id > ${col('id')}))))`;
}
