import { automaticStep, type PhaseStats } from '../core/rollout/gates.ts';
import { transition, transitionText } from '../core/rollout/transitions.ts';
import { until } from '../edge/turns.ts';
import type { LiveSites } from '../live/live-sites.ts';
import type { Release, RolloutAction, TransitionEntry } from '../schema/release.ts';
import type { Store } from '../store/store.ts';
import type { Outbox } from './outbox.ts';
import type { WebhookPayload } from './webhook.ts';

type Deps = {
  store: Store;
  clock: () => Date;
  live: LiveSites;
  outbox: Outbox;
  ids: (prefix: string) => string;
  log: (message: string, detail?: unknown) => void;
};

/**
 * A refused action: `invalid_transition` when it never applied to the state the caller saw;
 * `release_changed` when another write came first and made it no longer apply (the route answers 409).
 */
export type ApplyResult =
  | { ok: true; release: Release }
  | { ok: false; code: 'invalid_transition' | 'release_changed'; reason: string };

type Why = { at: string; by: TransitionEntry['by']; reason: string; actor?: string };

/**
 * How often a write is tried again on the fresh release after losing to another. Each conflict means
 * another writer succeeded, so a write among n at once succeeds within n tries; this bounds a pathological
 * storm, never an ordinary race.
 */
export const MAX_TRIES = 25;

/**
 * Runs releases: applies transitions (by hand or automatically) as compare-and-set writes, keeps them in
 * the history, refreshes the live cache so decide follows at once, and queues the site's webhook notice in
 * the same transaction (the outbox delivers it). Automatic checks run in the background, after the events
 * answer. The rules themselves are pure (`core/rollout`); this is the I/O around them.
 */
export function rolloutService(deps: Deps) {
  /** One compare-and-set attempt of a transition on `release` as read; 'conflict' when another write came first. */
  async function commit(release: Release, action: RolloutAction, why: Why) {
    const result = transition(release, action, why);
    if (!result.ok) return result;
    const site = await deps.store.getSite(release.siteId);
    const r = result.release;
    const payload: WebhookPayload = {
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
    };
    const notices = site?.webhookUrl ? [deps.outbox.notice(site.webhookUrl, payload, r.version + 1)] : [];
    const stored = await deps.store.updateRelease(r, notices);
    if (stored === null) return 'conflict' as const;
    deps.live.invalidate(release.siteId);
    if (notices.length > 0) deps.outbox.wake();
    return { ok: true as const, release: stored };
  }

  /**
   * Applies an action to the release as the caller saw it. When another write came first, the action is
   * tried again on the fresh release if it still means the same (a pause still pauses; an advance only
   * from the same phase, so that two advances never skip a phase nobody saw); otherwise it is refused.
   */
  async function apply(
    release: Release,
    action: RolloutAction,
    by: TransitionEntry['by'],
    reason: string,
    actor?: string,
  ): Promise<ApplyResult> {
    const why = { at: deps.clock().toISOString(), by, reason, ...(actor ? { actor } : {}) };
    let current = release;
    for (let tries = 1; ; tries++) {
      const result = await commit(current, action, why);
      if (result !== 'conflict') {
        if (result.ok) return result;
        return {
          ok: false,
          code: current === release ? 'invalid_transition' : 'release_changed',
          reason: current === release ? result.reason : changed(current, result.reason),
        };
      }
      const fresh = await deps.store.getRelease(release.id);
      if (fresh === null) return { ok: false, code: 'release_changed', reason: 'the release is gone' };
      const sameStep =
        action !== 'advance' ||
        (fresh.status === release.status && fresh.currentPhase === release.currentPhase);
      if (!sameStep || tries >= MAX_TRIES)
        return { ok: false, code: 'release_changed', reason: changed(fresh, `${action} not applied`) };
      current = fresh;
    }
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
      release.verifiedOnly === true,
    );
    return {
      impressions: a.impressions,
      dismissals: a.dismissals,
      responses: a.responses,
      verifiedResponses: a.verifiedResponses,
      averageRating: a.ratingCount > 0 ? a.ratingSum / a.ratingCount : null,
      hoursInPhase: Math.max(0, (deps.clock().getTime() - Date.parse(since)) / 3_600_000),
    };
  }

  /**
   * Pauses on a guardrail breach or advances when the gate is met; returns what it did, if anything. When
   * another write came first, it decides again from the fresh release (a paused one is left alone).
   */
  async function check(releaseId: string): Promise<ApplyResult | null> {
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      const release = await deps.store.getRelease(releaseId);
      if (release === null || release.status !== 'active') return null;
      const step = automaticStep(release, await phaseStats(release));
      if (step === null) return null;
      const why = { at: deps.clock().toISOString(), by: step.by, reason: step.reason };
      const result = await commit(release, step.action, why);
      if (result === 'conflict') continue;
      if (result.ok) await audit(release, step.action, why);
      return result.ok ? result : { ...result, code: 'invalid_transition' };
    }
    return null;
  }

  /**
   * Writes an automatic transition to the audit log beside the people's changes (which the `/api` middleware
   * writes), so that a pause nobody clicked is found where admins look. A failed write is logged: the
   * transition is already made and in the release's history.
   */
  async function audit(release: Release, action: RolloutAction, why: Why): Promise<void> {
    const entry = {
      id: deps.ids('aud'),
      at: why.at,
      actor: `automatic (${why.by})`,
      action: `${action} release`,
      target: release.id,
      detail: { release: release.name, reason: why.reason },
    };
    await deps.store
      .appendAudit(entry)
      .catch((err) => deps.log('could not write the audit log', { entry, err }));
  }

  // Checks wait in one queue, off the events request path: a stored batch is answered at once, and a check
  // that fails is logged, never turned into the batch's answer. A release already waiting is not queued
  // twice (its check will count the new events too). On Workers the queue would run under waitUntil.
  const waiting = new Set<string>();
  let tail: Promise<void> = Promise.resolve();
  // Checks queued and not yet done, counted by the checks themselves (see `until`).
  let pending = 0;
  function schedule(releaseId: string): void {
    if (waiting.has(releaseId)) return;
    waiting.add(releaseId);
    pending++;
    tail = tail.then(async () => {
      waiting.delete(releaseId);
      try {
        await check(releaseId);
      } catch (err) {
        deps.log('rollout check failed', err);
      } finally {
        pending--;
      }
    });
  }

  /** Resolves once every queued check has run (tests, shutdown). */
  async function settled(): Promise<void> {
    await until(() => pending === 0);
  }

  return {
    apply,
    phaseStats,
    check,
    /** Queues an automatic check of a release (after events that may breach a guardrail or meet a gate). */
    schedule,
    settled,
    /** Checks every active release of every site: run on a timer so time-based gates fire without traffic. */
    async checkAll(): Promise<void> {
      for (const site of await deps.store.listSites()) {
        for (const release of await deps.store.listReleases(site.id)) {
          if (release.status === 'active') schedule(release.id);
        }
      }
      await settled();
    },
  };
}

/** Why an action no longer applies: the state another write left, and who made it. */
function changed(fresh: Release, detail: string): string {
  const last = fresh.history.at(-1);
  const by = last ? ` (${last.by === 'manual' ? `${last.action} by hand` : last.by}: ${last.reason})` : '';
  return `the release changed meanwhile and is now ${fresh.status.replace('_', ' ')}${by}; ${detail}`;
}

export type RolloutService = ReturnType<typeof rolloutService>;
