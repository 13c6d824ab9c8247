import type { Kysely, Migration } from 'kysely';
import { schemaMigration } from './schema-change.ts';

/**
 * The public changelog and its email digest: each site's changelog slug (a column, to find the site by the
 * public URL), the digest's subscribers, and when each site's digest last ran. Portable types only.
 */
export const changelog: Migration = schemaMigration(
  {
    addColumns: { sites: { changelog_slug: 'text' } },
    tables: {
      // Only hashes of confirmation tokens are kept; the unsubscribe token is an HMAC and is not stored at all.
      subscribers: {
        columns: {
          id: 'text primary key',
          site_id: 'text not null references sites.id on delete cascade',
          email: 'text not null',
          status: 'text not null',
          confirm_hash: 'text',
          created_at: 'text not null',
          confirmed_at: 'text',
          // Posts made public after this time go into the subscriber's next digest.
          digest_since: 'text',
        },
        unique: { subscribers_site_email: ['site_id', 'email'] },
      },
      digest_runs: { columns: { site_id: 'text primary key', ran_at: 'text not null' } },
    },
    indexes: {
      // Unique but nullable: any number of sites may have no changelog.
      sites_changelog_slug: { on: 'sites', columns: ['changelog_slug'], unique: true },
      subscribers_confirm: { on: 'subscribers', columns: ['confirm_hash'] },
    },
  },
  defaultSiteFields,
);

/** Site documents stored before this migration get the new fields' defaults, so readers need no fallbacks. */
async function defaultSiteFields(db: Kysely<unknown>): Promise<void> {
  const sites = db as Kysely<{ sites: { id: string; doc: string } }>;
  for (const row of await sites.selectFrom('sites').select(['id', 'doc']).execute()) {
    const doc = { changelogSlug: null, digest: { every: 'off' }, ...JSON.parse(row.doc) };
    await sites
      .updateTable('sites')
      .set({ doc: JSON.stringify(doc) })
      .where('id', '=', row.id)
      .execute();
  }
}
