import type { Migration } from 'kysely';
import { type ColumnSpec, schemaMigration } from './schema-change.ts';

/**
 * The counters this migration gave `rollup_counts`, in column order. Frozen with the migration: a later
 * counter comes with a migration of its own (011 added `answers`), and `COUNTERS` in `rollup-tally.ts` is
 * this list followed by theirs.
 */
export const COUNTERS_008 = [
  'impressions',
  'viewers',
  'clicks',
  'clickers',
  'dismissals',
  'dismissers',
  'responses',
  'verified_impressions',
  'verified_dismissals',
] as const;

const counter: ColumnSpec = 'integer not null default 0';

/**
 * Rollups, so that results and release reports never scan raw events (see `rollups.ts`): counts per
 * message, group and hour; answer values per message and group; the first view, click and dismissal of
 * each user per message and group (so distinct users stay exact); each user's latest answer per message;
 * each user's latest goal event per name. The (message, type) index gains `at`, for the part of an hour a
 * since-time cuts. Migration 009 replaced the per-group first rows and the answers with one row per
 * message and user, and rolls up the events stored before.
 */
export const rollups: Migration = schemaMigration({
  dropIndexes: { events_message_type: { on: 'events', columns: ['message_id', 'type'] } },
  tables: {
    rollup_counts: {
      columns: {
        message_id: 'text not null',
        grp: 'text not null',
        bucket: 'text not null',
        site_id: 'text not null',
        ...Object.fromEntries(COUNTERS_008.map((name) => [name, counter])),
      },
      primaryKey: ['message_id', 'grp', 'bucket'],
    },
    rollup_values: {
      columns: {
        message_id: 'text not null',
        grp: 'text not null',
        value: 'double precision not null',
        site_id: 'text not null',
        n: 'integer not null',
      },
      primaryKey: ['message_id', 'grp', 'value'],
    },
    rollup_firsts: {
      columns: {
        message_id: 'text not null',
        grp: 'text not null',
        kind: 'text not null',
        user_key: 'text not null',
      },
      primaryKey: ['message_id', 'grp', 'kind', 'user_key'],
    },
    rollup_answers: {
      columns: {
        message_id: 'text not null',
        user_key: 'text not null',
        site_id: 'text not null',
        at: 'text not null',
        id: 'text not null',
        value: 'double precision',
        verified: 'integer not null',
        bucket: 'text not null',
        grps: 'text not null',
      },
      primaryKey: ['message_id', 'user_key'],
    },
    user_goals: {
      columns: {
        site_id: 'text not null',
        user_key: 'text not null',
        name: 'text not null',
        last_at: 'text not null',
      },
      primaryKey: ['site_id', 'user_key', 'name'],
    },
  },
  indexes: {
    rollup_answers_at: { on: 'rollup_answers', columns: ['message_id', 'at'] },
    events_message_type_at: { on: 'events', columns: ['message_id', 'type', 'at'] },
  },
});
