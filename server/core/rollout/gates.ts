import type { Release } from '../../schema/release.ts';

/** What happened in the current phase so far, from the release's messages' events since the phase began. */
export type PhaseStats = {
  impressions: number;
  dismissals: number;
  responses: number;
  /** Of `responses`, those from users proved by an identity token (the release page shows the share). */
  verifiedResponses?: number;
  /** Average of numeric ratings, null without any. */
  averageRating: number | null;
  hoursInPhase: number;
};

/** One condition of a gate, with its progress for the admin page ("34/50 responses"). */
export type GateCheck = { label: string; met: boolean };

export type Gate = { checks: GateCheck[]; met: boolean; text: string };

const fmt = (n: number, digits = 1) => (Math.round(n * 10 ** digits) / 10 ** digits).toString();

/**
 * The auto-advance gate of the current phase: time in phase, enough responses, a high enough rating.
 * Null when the release has no gate or no next phase to advance to.
 *
 * @example autoAdvanceGate(release, stats)?.text // "34/50 responses, 4.3★ ≥ 4.0, 51 h of 72 h"
 */
export function autoAdvanceGate(release: Release, stats: PhaseStats): Gate | null {
  const gate = release.autoAdvance;
  if (gate === null || release.status !== 'active' || release.currentPhase >= release.phases.length - 1)
    return null;
  const checks: GateCheck[] = [];
  if (gate.minResponses > 0) {
    checks.push({
      label: `${stats.responses}/${gate.minResponses} responses`,
      met: stats.responses >= gate.minResponses,
    });
  }
  if (gate.minAverageRating !== undefined) {
    const avg = stats.averageRating;
    const label =
      avg === null
        ? `no ratings yet (need ${fmt(gate.minAverageRating)}★)`
        : `${fmt(avg)}★ ≥ ${gate.minAverageRating.toFixed(1)}`;
    checks.push({ label, met: avg !== null && avg >= gate.minAverageRating });
  }
  if (gate.afterHours > 0) {
    checks.push({
      label: `${Math.floor(stats.hoursInPhase)} h of ${fmt(gate.afterHours)} h`,
      met: stats.hoursInPhase >= gate.afterHours,
    });
  }
  return { checks, met: checks.every((c) => c.met), text: checks.map((c) => c.label).join(', ') };
}

/**
 * Why the guardrails say to pause now, or null. They only speak once enough responses are in, so a single
 * early bad rating does not stop a pilot.
 */
export function guardrailBreach(release: Release, stats: PhaseStats): string | null {
  const g = release.guardrails;
  if (g === null || release.status !== 'active' || stats.responses < g.minResponses) return null;
  if (
    g.minAverageRating !== undefined &&
    stats.averageRating !== null &&
    stats.averageRating < g.minAverageRating
  ) {
    return `average rating ${fmt(stats.averageRating, 2)} fell below ${g.minAverageRating} over ${stats.responses} responses`;
  }
  const dismissRate = stats.impressions > 0 ? stats.dismissals / stats.impressions : 0;
  if (g.maxDismissRate !== undefined && dismissRate > g.maxDismissRate) {
    return `dismiss rate ${Math.round(dismissRate * 100)}% rose above ${Math.round(g.maxDismissRate * 100)}%`;
  }
  return null;
}

/** The automatic step for a release now: pause on a guardrail breach (first), advance when the gate is met. */
export function automaticStep(
  release: Release,
  stats: PhaseStats,
): { action: 'pause' | 'advance'; by: 'guardrail' | 'auto-advance'; reason: string } | null {
  const breach = guardrailBreach(release, stats);
  if (breach !== null) return { action: 'pause', by: 'guardrail', reason: breach };
  const gate = autoAdvanceGate(release, stats);
  if (gate?.met) return { action: 'advance', by: 'auto-advance', reason: `gate met: ${gate.text}` };
  return null;
}
