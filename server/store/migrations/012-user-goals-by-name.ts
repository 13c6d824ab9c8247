import type { Migration } from 'kysely';
import { schemaMigration } from './schema-change.ts';

/** Users who sent a goal, found by its name: a release report reads conversions from the goal's side. */
export const userGoalsByName: Migration = schemaMigration({
  indexes: { user_goals_name: { on: 'user_goals', columns: ['site_id', 'name'] } },
});
