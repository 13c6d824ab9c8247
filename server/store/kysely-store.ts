import { type Kysely, sql } from 'kysely';
import { mergeUserStates } from '../core/history.ts';
import { Message } from '../schema/message.ts';
import { Release } from '../schema/release.ts';
import { Site } from '../schema/site.ts';
import { accountQueries } from './accounts-query.ts';
import { type EventWriterOptions, writeEvents } from './event-writer.ts';
import { type CommitStyle, commitQueue } from './group-commit.ts';
import { importUsers } from './import-users.ts';
import { activity, dailyImpressions, knownUsers, lastGoalAt, userResponses } from './insights-query.ts';
import { migrateToLatest } from './migrations/index.ts';
import { claimNotice, pendingNotices, queueNotices, settleNotice } from './outbox-query.ts';
import { countByPrefix, deleteByPrefix } from './prefix-query.ts';
import { tableRateCounts } from './rate-counts-query.ts';
import { reachCounts, releaseActivity } from './report-query.ts';
import { listResponses } from './responses-query.ts';
import { countResults, type JsonDialect } from './results-query.ts';
import { storeRollups } from './rollups.ts';
import { forgetMessageRollups } from './rollups-rebuild.ts';
import { byCreation, fromDoc, siteRow } from './rows.ts';
import { segmentQueries } from './segments-query.ts';
import type { InsertResult, QueueBounds, Store, StoredEvent } from './store.ts';
import { subscriberQueries } from './subscribers-query.ts';
import type { Tables } from './tables.ts';
import { parseUserState, stateRows } from './user-states.ts';
import { userWrites } from './user-writes.ts';
import { versionedDocs } from './versioned-docs.ts';

/** What an engine adds to the portable store: how it reads JSON, whether it must lock rows. */
export type KyselyStoreOptions = JsonDialect &
  EventWriterOptions &
  QueueBounds & {
    /** Events per group-commit transaction; more wait for the next flush. */
    maxEventsPerCommit?: number;
    /** `per-call` on Workers: each request writes its own items (see `commitPerCall`). */
    commits?: CommitStyle;
  };

/**
 * Events that may wait for a flush: a few seconds of writing at the rates `npm run bench` measures, and
 * a few MB of memory. Past it the server answers 503 rather than queue without end.
 */
export const DEFAULT_QUEUED_EVENTS = 50_000;
/** Decide-path writes (traits, first exposures) that may wait; each is a user's read-modify-write. */
export const DEFAULT_QUEUED_USER_WRITES = 10_000;

/**
 * The `Store` in portable Kysely, so SQLite, D1 and PostgreSQL differ only in how they open the connection
 * and in `options`. Lists are in creation order.
 *
 * @example const store = createKyselyStore(new Kysely<Tables>({ dialect }), { lockStateRows: false, traitText })
 */
export function createKyselyStore(db: Kysely<Tables>, options: KyselyStoreOptions): Store {
  // Rollups count the events in the transaction that stores them, so a count never misses or repeats one.
  const eventOptions = {
    ...options,
    afterEventsStored: [
      (trx: Kysely<Tables>, stored: StoredEvent[]) => storeRollups(trx, stored, options),
      ...(options.afterEventsStored ?? []),
    ],
  };
  const events = commitQueue<StoredEvent, InsertResult>(options.commits)(
    (batches) => db.transaction().execute((trx) => writeEvents(trx, batches, eventOptions)),
    {
      maxItems: options.maxEventsPerCommit ?? 5000,
      maxQueued: options.maxQueuedEvents ?? DEFAULT_QUEUED_EVENTS,
    },
  );
  const decideWrites = userWrites(db, options, options.maxQueuedUserWrites ?? DEFAULT_QUEUED_USER_WRITES);
  const messages = versionedDocs(db, 'messages', Message);
  const releases = versionedDocs(db, 'releases', Release);
  const siteBy = async (column: 'id' | 'public_key' | 'changelog_slug', value: string) => {
    const row = await db.selectFrom('sites').select('doc').where(column, '=', value).executeTakeFirst();
    return row === undefined ? null : fromDoc(Site, row);
  };

  return {
    ...accountQueries(db),
    ...subscriberQueries(db),
    ...segmentQueries(db),
    migrate: () => migrateToLatest(db as Kysely<unknown>),
    rateCounts: tableRateCounts(db),
    async ping() {
      await sql`select 1`.execute(db);
    },
    queued: () => ({ events: events.depth(), userWrites: decideWrites.depth() }),
    async close() {
      await events.close();
      await decideWrites.close();
      await db.destroy();
    },

    async createSite(site) {
      await db.insertInto('sites').values(siteRow(site)).execute();
    },
    getSite: (id) => siteBy('id', id),
    getSiteByPublicKey: (publicKey) => siteBy('public_key', publicKey),
    getSiteByChangelogSlug: (slug) => siteBy('changelog_slug', slug),
    async listSites() {
      const rows = await db.selectFrom('sites').select('doc').execute();
      return byCreation(rows.map((r) => fromDoc(Site, r)));
    },
    async updateSite(site) {
      const { id, ...row } = siteRow(site);
      await db.updateTable('sites').set(row).where('id', '=', id).execute();
    },

    createMessage: messages.create,
    getMessage: messages.get,
    listMessages: (siteId) => messages.list(siteId),
    liveMessages: (siteId) => messages.list(siteId, 'live'),
    updateMessage: (message) => messages.write(message),
    async deleteMessage(id) {
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom('events').where('message_id', '=', id).execute();
        await forgetMessageRollups(trx, id);
        const { numDeletedRows } = await trx.deleteFrom('messages').where('id', '=', id).executeTakeFirst();
        return numDeletedRows > 0n;
      });
    },

    createRelease: releases.create,
    getRelease: releases.get,
    listReleases: (siteId) => releases.list(siteId),
    updateRelease: (release, notices = []) =>
      db.transaction().execute(async (trx) => {
        const next = await releases.write(release, trx);
        if (next !== null) await queueNotices(trx, notices);
        return next;
      }),
    pendingNotices: () => pendingNotices(db),
    claimNotice: (id, now, until) => claimNotice(db, id, now, until),
    settleNotice: (id, outcome) => settleNotice(db, id, outcome),

    async getUserState(siteId, userKeys) {
      const rows = await stateRows(db, siteId, userKeys);
      if (rows.length === 0) return null;
      // mergeUserStates lets later traits win: put the first key (the user id) last.
      const rank = (key: string) => userKeys.indexOf(key);
      rows.sort((a, b) => rank(b.user_key) - rank(a.user_key));
      return mergeUserStates(rows.map((r) => parseUserState(r.state)));
    },
    async saveTraits(siteId, userKey, traits, at) {
      await decideWrites.submit([{ siteId, userKey, at, traits }]);
    },

    insertEvents: (list) =>
      list.length === 0 ? Promise.resolve({ accepted: 0, duplicates: 0 }) : events.submit(list),
    results: (messageId, by) => countResults(db, messageId, by),
    responses: (messageId, query) => listResponses(db, messageId, query),
    async recordExposures(siteId, userKey, exposures, at) {
      if (exposures.length > 0) await decideWrites.submit([{ siteId, userKey, at, exposures }]);
    },
    recordUsers: (siteId, users) =>
      db.transaction().execute((trx) => importUsers(trx, options, siteId, users)),
    reachCounts: (releaseId, goal, by) => reachCounts(db, options, releaseId, goal, by),
    releaseActivity: (messageIds, since, verifiedOnly) =>
      releaseActivity(db, messageIds, since, verifiedOnly),
    activity: (messageId, bucket, since) => activity(db, messageId, bucket, since),
    dailyImpressions: (siteId, since) => dailyImpressions(db, siteId, since),
    knownUsers: (siteId, limit) => knownUsers(db, siteId, limit),
    userResponses: (siteId, keys) => userResponses(db, siteId, keys),
    lastGoalAt: (siteId, keys) => lastGoalAt(db, siteId, keys),
    countUsersByPrefix: (siteId, prefix) => countByPrefix(db, siteId, prefix),
    deleteUsersByPrefix: (siteId, prefix) => deleteByPrefix(db, siteId, prefix, options),
    async countEvents(siteId) {
      const row = await db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .$if(siteId !== undefined, (q) => q.where('site_id', '=', siteId ?? ''))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
