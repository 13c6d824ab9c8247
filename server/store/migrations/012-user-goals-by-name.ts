import type { Kysely, Migration } from 'kysely';

/** Users who sent a goal, found by its name: a release report reads conversions from the goal's side. */
export const userGoalsByName: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('user_goals_name').on('user_goals').columns(['site_id', 'name']).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('user_goals_name').execute();
  },
};
