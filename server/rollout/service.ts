import { automaticStep, type PhaseStats } from '../core/rollout/gates.ts';
import { transition, transitionText } from '../core/rollout/transitions.ts';
import type { LiveSites } from '../live/live-sites.ts';
import type { Release, RolloutAction, TransitionEntry } from '../schema/release.ts';
import type { Store } from '../store/store.ts';
import type { WebhookSender } from './webhook.ts';

type Deps = { store: Store; clock: () => Date; live: LiveSites; webhooks: WebhookSender };

export type ApplyResult = { ok: true; release: Release } | { ok: false; reason: string };

/**
 * Runs releases: applies transitions (by hand or automatically), keeps them in the history, refreshes the
 * live cache so decide follows at once, and tells the site's webhook. The rules themselves are pure
 * (`core/rollout`); this is the I/O around them.
 */
export function rolloutService(deps: Deps) {
  async function apply(
    release: Release,
    action: RolloutAction,
    by: TransitionEntry['by'],
    reason: string,
    actor?: string,
  ): Promise<ApplyResult> {
    const why = { at: deps.clock().toISOString(), by, reason, ...(actor ? { actor } : {}) };
    const result = transition(release, action, why);
    if (!result.ok) return result;
    await deps.store.updateRelease(result.release);
    deps.live.invalidate(release.siteId);
    const site = await deps.store.getSite(release.siteId);
    if (site?.webhookUrl) {
      const r = result.release;
      deps.webhooks.send(site.webhookUrl, {
        type: 'release.transition',
        text: transitionText(r, result.entry),
        release: {
          id: r.id,
          key: r.key,
          name: r.name,
          status: r.status,
          phase: r.phases[r.currentPhase]?.name ?? null,
        },
        transition: result.entry,
      });
    }
    return { ok: true, release: result.release };
  }

  /** What happened in the release's current phase: its messages' events since the phase began. */
  async function phaseStats(release: Release): Promise<PhaseStats> {
    const since = release.phaseStartedAt ?? release.createdAt;
    const messages = (await deps.store.listMessages(release.siteId)).filter(
      (m) => m.releaseId === release.id,
    );
    const a = await deps.store.releaseActivity(
      messages.map((m) => m.id),
      since,
    );
    return {
      impressions: a.impressions,
      dismissals: a.dismissals,
      responses: a.responses,
      averageRating: a.ratingCount > 0 ? a.ratingSum / a.ratingCount : null,
      hoursInPhase: Math.max(0, (deps.clock().getTime() - Date.parse(since)) / 3_600_000),
    };
  }

  /** Pauses on a guardrail breach or advances when the gate is met; returns what it did, if anything. */
  async function check(releaseId: string): Promise<ApplyResult | null> {
    const release = await deps.store.getRelease(releaseId);
    if (release === null || release.status !== 'active') return null;
    const step = automaticStep(release, await phaseStats(release));
    return step === null ? null : apply(release, step.action, step.by, step.reason);
  }

  return {
    apply,
    phaseStats,
    check,
    /** Checks every active release of every site: run on a timer so time-based gates fire without traffic. */
    async checkAll(): Promise<void> {
      for (const site of await deps.store.listSites()) {
        for (const release of await deps.store.listReleases(site.id)) {
          if (release.status === 'active') await check(release.id);
        }
      }
    },
  };
}

export type RolloutService = ReturnType<typeof rolloutService>;
