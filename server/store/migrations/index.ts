import { type Kysely, type Migration, Migrator } from 'kysely';
import { initial } from './001-initial.ts';
import { accounts } from './002-accounts.ts';
import { exposures } from './003-exposures.ts';
import { verifiedEvents } from './004-verified-events.ts';
import { releaseVersions } from './005-release-versions.ts';
import { rateCounts } from './006-rate-counts.ts';
import { changelog } from './007-changelog.ts';
import { rollups } from './008-rollups.ts';
import { rollupUsers } from './009-rollup-users.ts';
import { liveVersions } from './010-live-versions.ts';
import { rollupAnswersPerHour } from './011-rollup-answers-per-hour.ts';
import { userGoalsByName } from './012-user-goals-by-name.ts';
import { segments } from './013-segments.ts';
import { messageVersions } from './014-message-versions.ts';
import { exposureTraits } from './015-exposure-traits.ts';

/**
 * Every migration, by name (applied in name order). Imported, not read from a folder, so they run
 * where there is no filesystem (Cloudflare Workers).
 */
export const migrations: Record<string, Migration> = {
  '001-initial': initial,
  '002-accounts': accounts,
  '003-exposures': exposures,
  '004-verified-events': verifiedEvents,
  '005-release-versions': releaseVersions,
  '006-rate-counts': rateCounts,
  '007-changelog': changelog,
  '008-rollups': rollups,
  '009-rollup-users': rollupUsers,
  '010-live-versions': liveVersions,
  '011-rollup-answers-per-hour': rollupAnswersPerHour,
  '012-user-goals-by-name': userGoalsByName,
  '013-segments': segments,
  '014-message-versions': messageVersions,
  '015-exposure-traits': exposureTraits,
};

/**
 * Brings the database up to the latest schema; throws the first migration error. `schema` names where
 * Kysely keeps its own migration tables; without it, Kysely takes such tables in any schema as its own.
 *
 * @example await migrateToLatest(db)
 */
export async function migrateToLatest(db: Kysely<unknown>, options: { schema?: string } = {}): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: options.schema,
    // Numbers are handed out to work landing in parallel, so 005 may land after 006 ran somewhere; each
    // migration touches its own tables, so a late one simply runs.
    allowUnorderedMigrations: true,
  });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) throw error instanceof Error ? error : new Error(String(error));
}
