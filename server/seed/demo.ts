import type { IdMaker } from '../http/ids.ts';
import { buildMessage } from '../routes/admin/message-doc.ts';
import { MessageInput } from '../schema/message.ts';
import { ReleaseInput } from '../schema/release.ts';
import { SiteInput } from '../schema/site.ts';
import type { Store } from '../store/store.ts';
import { DEMO_KEY, demoMessages, demoRelease } from './demo-content.ts';

/**
 * On an empty database, creates the demo site (key `pk_demo`) with one message of each kind and the
 * "reserve ahead" release in its Austin pilot, so a newcomer sees everything working at once.
 * Goes through the same validation and compilation as the admin API. Returns false when data exists.
 */
export async function seedDemo(store: Store, ids: IdMaker, now: Date): Promise<boolean> {
  if ((await store.listSites()).length > 0) return false;
  const at = now.toISOString();
  const site = {
    ...SiteInput.parse({
      name: 'Zipp scooters (demo)',
      attention: { maxPerDay: 10, minGapMinutes: 0 },
      changelogSlug: 'demo',
    }),
    id: ids('site'),
    publicKey: DEMO_KEY,
    secret: ids('sk', 40),
    createdAt: at,
    updatedAt: at,
  };
  await store.createSite(site);
  const release = {
    ...ReleaseInput.parse(demoRelease),
    id: ids('rel'),
    siteId: site.id,
    status: 'active' as const,
    version: 0,
    currentPhase: 0,
    phaseStartedAt: at,
    history: [
      {
        at,
        action: 'advance' as const,
        from: 'draft' as const,
        to: 'active' as const,
        fromPhase: -1,
        toPhase: 0,
        by: 'manual' as const,
        reason: 'demo pilot starts in Austin',
      },
    ],
    createdAt: at,
    updatedAt: at,
  };
  await store.createRelease(release);
  for (const { release: attached, ...fields } of demoMessages) {
    const input = MessageInput.parse({ ...fields, releaseId: attached ? release.id : null });
    const base = {
      id: ids('msg'),
      siteId: site.id,
      version: 0,
      status: 'live' as const,
      createdAt: at,
      updatedAt: at,
      publishedAt: at,
    };
    await store.createMessage(buildMessage(input, base));
  }
  return true;
}
