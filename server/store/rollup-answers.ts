import type { Kysely } from 'kysely';
import { chunks } from './chunks.ts';
import type { RollupTally } from './rollup-tally.ts';
import type { GroupedEvent } from './rollups.ts';
import type { Tables } from './tables.ts';

type AnswerRow = Tables['rollup_answers'];

/** True when answer `a` comes after `b`: later in time, or at the same time with the greater id. */
export function isLater(a: { at: string; id: string }, b: { at: string; id: string }): boolean {
  return a.at > b.at || (a.at === b.at && a.id > b.id);
}

/**
 * Keeps each user's latest answer per message (by time, then id) — the one gates, guardrails, results
 * and reports count, so that answering thirty times weighs as much as answering once — and moves the
 * counts: a later answer takes back the one it supersedes (its groups, hour and value, as they were counted) and counts itself. An answer that
 * arrives after a later one of the same user changes nothing. The stored row is locked first (PostgreSQL),
 * with a placeholder for a user without one, so two instances cannot both count a first answer.
 */
export async function storeAnswers(
  trx: Kysely<Tables>,
  responses: GroupedEvent[],
  tally: RollupTally,
  options: { lockStateRows: boolean },
): Promise<void> {
  const latest = new Map<string, AnswerRow>();
  for (const e of responses) {
    const row: AnswerRow = {
      message_id: e.messageId,
      user_key: e.userKey,
      site_id: e.siteId,
      at: new Date(e.at).toISOString(),
      id: e.id,
      value: e.value ?? null,
      verified: e.verified ? 1 : 0,
      bucket: e.bucket,
      grps: JSON.stringify(e.groups),
    };
    const key = `${row.message_id}\u0000${row.user_key}`;
    const known = latest.get(key);
    if (known === undefined || isLater(row, known)) latest.set(key, row);
  }
  if (latest.size === 0) return;
  const ordered = [...latest].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
  const stored = await lockAnswers(trx, ordered, options);
  const changed: AnswerRow[] = [];
  for (const row of ordered) {
    const before = stored.get(`${row.message_id}\u0000${row.user_key}`);
    if (before !== undefined && !isLater(row, before)) continue;
    if (before !== undefined && before.at !== '') tally.countAnswer(counted(before), -1);
    tally.countAnswer(counted(row), 1);
    changed.push(row);
  }
  for (const chunk of chunks(changed)) {
    await trx
      .insertInto('rollup_answers')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['message_id', 'user_key']).doUpdateSet((eb) => ({
          at: eb.ref('excluded.at'),
          id: eb.ref('excluded.id'),
          value: eb.ref('excluded.value'),
          verified: eb.ref('excluded.verified'),
          bucket: eb.ref('excluded.bucket'),
          grps: eb.ref('excluded.grps'),
        })),
      )
      .execute();
  }
}

function counted(row: AnswerRow) {
  return {
    siteId: row.site_id,
    messageId: row.message_id,
    bucket: row.bucket,
    groups: JSON.parse(row.grps) as string[],
    value: row.value === null ? null : Number(row.value),
  };
}

/** The stored latest answers of these users, locked for the transaction on PostgreSQL (see above). */
async function lockAnswers(
  trx: Kysely<Tables>,
  rows: AnswerRow[],
  options: { lockStateRows: boolean },
): Promise<Map<string, AnswerRow>> {
  if (options.lockStateRows) {
    for (const chunk of chunks(rows)) {
      await trx
        .insertInto('rollup_answers')
        .values(
          chunk.map((r) => ({ ...r, at: '', id: '', value: null, verified: 0, bucket: '', grps: '[]' })),
        )
        .onConflict((oc) => oc.columns(['message_id', 'user_key']).doNothing())
        .execute();
    }
  }
  const byMessage = new Map<string, string[]>();
  for (const r of rows) {
    const keys = byMessage.get(r.message_id);
    if (keys === undefined) byMessage.set(r.message_id, [r.user_key]);
    else keys.push(r.user_key);
  }
  const stored = new Map<string, AnswerRow>();
  for (const [messageId, keys] of byMessage) {
    for (const chunk of chunks(keys)) {
      const found = await trx
        .selectFrom('rollup_answers')
        .selectAll()
        .where('message_id', '=', messageId)
        .where('user_key', 'in', chunk)
        .$if(options.lockStateRows, (q) => q.orderBy('user_key').forUpdate())
        .execute();
      for (const r of found) stored.set(`${r.message_id}\u0000${r.user_key}`, r);
    }
  }
  return stored;
}
