import { isInterrupting } from '../core/attention.ts';
import type { Store, StoredEvent } from '../store/store.ts';
import { DEMO_KEY } from './demo-content.ts';
import { DEMO_DAYS, simulatePilot } from './demo-simulation.ts';

/**
 * The seed of the simulation: the same history on every machine and every run. Chosen for a typical
 * draw (conversion 37% exposed vs 23% held out, rating 3.8), not a flattering one.
 */
const SEED = 7;
/** Simulated Austin riders: the 5% holdout is 22 of them, enough for a lift (with a wide interval, honestly). */
const USERS = 600;
/** Events per `insertEvents` call. */
const BATCH = 1000;

/** What was seeded, for the start-up line. */
export type SeededHistory = { users: number; events: number };

/**
 * Gives the demo release two weeks of simulated pilot traffic (see `simulatePilot`), written through the
 * store's own primitives — traits, exposures, events — so it counts in reports, charts, lift and gates
 * like real traffic. The release's pilot is moved back to when the history starts, so the gate counts it.
 * Every simulated user's key starts with `DEMO_USER_PREFIX` (`demo-sim-`): `DELETE /api/sites/:id/demo-data` removes
 * exactly them. Null when there is no demo site or release (the database was not freshly seeded).
 */
export async function seedDemoHistory(store: Store, now: Date): Promise<SeededHistory | null> {
  const site = await store.getSiteByPublicKey(DEMO_KEY);
  const release = site && (await store.listReleases(site.id))[0];
  if (!site || !release) return null;
  const messages = (await store.listMessages(site.id)).filter((m) => m.releaseId === release.id);
  const users = simulatePilot({ release, messages, now, seed: SEED, users: USERS });
  const received = now.toISOString();
  const events: StoredEvent[] = [];
  await store.recordUsers(
    site.id,
    users.map((u) => ({ key: u.key, traits: u.traits, exposures: [u.exposure], at: u.exposedAt })),
  );
  for (const user of users) {
    for (const e of user.events) {
      const message = messages.find((m) => m.id === e.messageId);
      events.push({
        ...e,
        siteId: site.id,
        userKey: user.key,
        receivedAt: received,
        interrupting:
          message !== undefined && isInterrupting(message.kind, message.display, message.attentionExempt),
        phase: message ? String(user.exposure.phase) : null,
        // Simulated users of a site with identity verification off: nobody proved who they are.
        verified: false,
      });
    }
  }
  for (let i = 0; i < events.length; i += BATCH) await store.insertEvents(events.slice(i, i + BATCH));
  const started = new Date(now.getTime() - DEMO_DAYS * 86_400_000).toISOString();
  const moved = await store.updateRelease({
    ...release,
    phaseStartedAt: started,
    history: release.history.map((h, i) => (i === 0 ? { ...h, at: started } : h)),
  });
  // Nothing else runs while the server seeds on start: a lost compare-and-set here is a bug.
  if (moved === null) throw new Error('the demo release changed while its history was seeded');
  return { users: users.length, events: events.length };
}
