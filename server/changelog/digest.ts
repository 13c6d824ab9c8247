import { digestDue } from '../core/changelog.ts';
import type { Mailer } from '../deps.ts';
import type { LiveSites } from '../live/live-sites.ts';
import { productBase } from '../routes/changelog/content-html.ts';
import type { DigestReport } from '../schema/changelog.ts';
import type { Site } from '../schema/site.ts';
import type { Store } from '../store/store.ts';
import { digestMail } from './mails.ts';
import { changelogUrl, postsOf } from './posts.ts';
import { unsubscribeToken } from './tokens.ts';

/** How long a confirmation link works; an address still unconfirmed after it is forgotten. */
export const CONFIRM_FOR_MS = 48 * 3_600_000;

type Deps = {
  store: Store;
  live: LiveSites;
  clock: () => Date;
  publicUrl: string;
  mailer: Mailer | undefined;
  log: (message: string, detail?: unknown) => void;
};

/** The one-click unsubscribe URL of a subscriber (its token is an HMAC, see tokens.ts). */
export function unsubscribeUrl(url: string, site: Site, subscriberId: string): string {
  const token = unsubscribeToken(site.secret, subscriberId);
  return `${url}/unsubscribe?id=${encodeURIComponent(subscriberId)}&token=${token}`;
}

/**
 * Sends the changelog's email digests: each confirmed subscriber gets one mail with the posts made public
 * since their last digest (or their confirmation), and none when there is nothing new. A failed send leaves
 * that subscriber's cursor where it was, so the next run retries them. Without a mailer nothing is sent.
 */
export function digestService(deps: Deps) {
  async function send(site: Site): Promise<DigestReport> {
    const report = { sent: 0, unsent: 0 };
    const mailer = deps.mailer;
    if (mailer === undefined || site.changelogSlug === null) return report;
    const now = deps.clock();
    const posts = await postsOf(deps.live, site, undefined, now);
    const url = changelogUrl(deps.publicUrl, site.changelogSlug);
    const context = { siteName: site.name, changelogUrl: url, base: productBase(site.allowedOrigins) };
    for (const subscriber of await deps.store.confirmedSubscribers(site.id)) {
      const fresh = posts.filter((p) => p.publicAt > subscriber.digestSince);
      if (fresh.length === 0) continue;
      try {
        const mail = await digestMail(
          context,
          subscriber.email,
          fresh,
          unsubscribeUrl(url, site, subscriber.id),
        );
        await mailer.send(mail);
        await deps.store.markDigestSent(subscriber.id, now.toISOString());
        report.sent++;
      } catch (err) {
        report.unsent++;
        deps.log(`digest to a subscriber of ${site.id} failed`, err);
      }
    }
    return report;
  }

  return {
    /** Sends one site's digest now, whatever its schedule (the admin's "send now"). */
    send,
    /**
     * Sends the digest of every site whose schedule says it is due. Each run is claimed first, so with
     * several instances on one database exactly one of them sends it.
     */
    async runDue(): Promise<void> {
      const now = deps.clock();
      // An address that never confirmed never agreed to be kept: forget it once its link has expired.
      await deps.store.forgetUnconfirmed(new Date(now.getTime() - CONFIRM_FOR_MS).toISOString());
      if (deps.mailer === undefined) return;
      for (const site of await deps.store.listSites()) {
        if (site.changelogSlug === null) continue;
        const last = await deps.store.lastDigestRun(site.id);
        if (!digestDue(site.digest, last, now)) continue;
        if (!(await deps.store.claimDigestRun(site.id, last, now.toISOString()))) continue;
        await send(site);
      }
    },
  };
}

export type DigestService = ReturnType<typeof digestService>;
