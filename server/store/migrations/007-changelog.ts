import type { Kysely, Migration } from 'kysely';

/**
 * The public changelog and its email digest: each site's changelog slug (a column, to find the site by the
 * public URL), the digest's subscribers, and when each site's digest last ran. Portable types only.
 */
export const changelog: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('sites').addColumn('changelog_slug', 'text').execute();
    // Unique but nullable: any number of sites may have no changelog.
    await db.schema
      .createIndex('sites_changelog_slug')
      .on('sites')
      .column('changelog_slug')
      .unique()
      .execute();
    // Site documents stored before this migration get the new fields' defaults, so readers need no fallbacks.
    const sites = db as Kysely<{ sites: { id: string; doc: string } }>;
    for (const row of await sites.selectFrom('sites').select(['id', 'doc']).execute()) {
      const doc = { changelogSlug: null, digest: { every: 'off' }, ...JSON.parse(row.doc) };
      await sites
        .updateTable('sites')
        .set({ doc: JSON.stringify(doc) })
        .where('id', '=', row.id)
        .execute();
    }

    // Only hashes of confirmation tokens are kept; the unsubscribe token is an HMAC and is not stored at all.
    await db.schema
      .createTable('subscribers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('confirm_hash', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('confirmed_at', 'text')
      // Posts made public after this time go into the subscriber's next digest.
      .addColumn('digest_since', 'text')
      .addUniqueConstraint('subscribers_site_email', ['site_id', 'email'])
      .execute();
    await db.schema.createIndex('subscribers_confirm').on('subscribers').column('confirm_hash').execute();

    await db.schema
      .createTable('digest_runs')
      .addColumn('site_id', 'text', (c) => c.primaryKey())
      .addColumn('ran_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('digest_runs').execute();
    await db.schema.dropTable('subscribers').execute();
    await db.schema.dropIndex('sites_changelog_slug').execute();
    await db.schema.alterTable('sites').dropColumn('changelog_slug').execute();
  },
};
