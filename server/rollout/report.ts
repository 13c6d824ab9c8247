import { addCounts, emptyCounts, rate, summarize } from '../core/results.ts';
import { autoAdvanceGate } from '../core/rollout/gates.ts';
import { lift } from '../core/rollout/lift.ts';
import type { Release } from '../schema/release.ts';
import type { LiftReport, ReleaseReport, ReportGroup } from '../schema/report.ts';
import type { ResultsCounts } from '../schema/results.ts';
import type { Store } from '../store/store.ts';
import type { RolloutService } from './service.ts';

function liftReport(
  exposed: { users: number; converted: number },
  holdout: { users: number; converted: number },
): LiftReport {
  const l = lift(exposed, holdout);
  return {
    exposed: { ...exposed, rate: l.exposedRate },
    holdout: { ...holdout, rate: l.holdoutRate },
    absolute: l.absolute,
    absoluteInterval: l.absoluteInterval,
    relative: l.relative,
    relativeInterval: l.relativeInterval,
    warning: l.warning,
  };
}

type Reach = { exposed: { users: number; converted: number }; holdout: { users: number; converted: number } };

function group(
  key: string | null,
  label: string,
  counts: ResultsCounts,
  reach: Reach,
  nps: boolean,
): ReportGroup {
  const s = summarize(counts, nps ? 'nps' : undefined);
  return {
    key,
    label,
    impressions: s.impressions,
    clicks: s.clicks,
    dismissals: s.dismissals,
    dismissRate: rate(s.dismissals, s.impressions),
    responses: s.responses,
    rating: s.rating,
    nps: s.nps,
    goal: liftReport(reach.exposed, reach.holdout),
  };
}

/**
 * A release's report per phase (or per cohort trait): exposed and holdout users, what its messages got
 * (impressions, clicks, dismiss rate, ratings, NPS) and goal conversion exposed vs holdout with lift.
 */
export async function releaseReport(
  store: Store,
  rollout: RolloutService,
  release: Release,
  by: { kind: 'phase' } | { kind: 'trait'; name: string },
): Promise<ReleaseReport> {
  const goal = release.goal?.event ?? null;
  const messages = (await store.listMessages(release.siteId)).filter((m) => m.releaseId === release.id);
  const nps = messages.some((m) => m.survey?.scale === 'nps');
  const counts = new Map<string | null, ResultsCounts>();
  let overallCounts = emptyCounts();
  for (const m of messages) {
    const r = await store.results(m.id, by);
    overallCounts = addCounts(overallCounts, r.overall);
    for (const g of r.groups) counts.set(g.key, addCounts(counts.get(g.key) ?? emptyCounts(), g.counts));
  }
  const reach = new Map<string | null, Reach>();
  const total: Reach = { exposed: { users: 0, converted: 0 }, holdout: { users: 0, converted: 0 } };
  for (const row of await store.reachCounts(release.id, goal, by)) {
    const r = reach.get(row.key) ?? {
      exposed: { users: 0, converted: 0 },
      holdout: { users: 0, converted: 0 },
    };
    const side = row.holdout ? 'holdout' : 'exposed';
    r[side] = { users: r[side].users + row.users, converted: r[side].converted + row.converted };
    total[side] = { users: total[side].users + row.users, converted: total[side].converted + row.converted };
    reach.set(row.key, r);
  }
  const keys =
    by.kind === 'phase'
      ? release.phases.map((_, i) => String(i))
      : [...new Set([...counts.keys(), ...reach.keys()])].sort((a, b) =>
          a === null ? 1 : b === null ? -1 : a.localeCompare(b),
        );
  const none: Reach = { exposed: { users: 0, converted: 0 }, holdout: { users: 0, converted: 0 } };
  const label = (key: string | null) =>
    by.kind === 'phase' ? (release.phases[Number(key)]?.name ?? `phase ${key}`) : (key ?? `no ${by.name}`);
  const stats = await rollout.phaseStats(release);
  const gate = autoAdvanceGate(release, stats);
  return {
    release: {
      id: release.id,
      key: release.key,
      name: release.name,
      status: release.status,
      currentPhase: release.currentPhase,
    },
    by: by.kind === 'phase' ? 'phase' : `trait:${by.name}`,
    goalEvent: goal,
    groups: keys.map((k) => group(k, label(k), counts.get(k) ?? emptyCounts(), reach.get(k) ?? none, nps)),
    overall: group(null, 'All', overallCounts, total, nps),
    gate: gate && { text: gate.text, met: gate.met, checks: gate.checks },
    phaseStats: stats,
    verification: (await store.getSite(release.siteId))?.identityVerification ?? 'off',
    verifiedOnly: release.verifiedOnly === true,
  };
}
