import type { SurveyScale } from '../schema/message.ts';
import type { Nps, Rating, ResultsCounts, ResultsSummary } from '../schema/results.ts';

/** `part / whole`, or null when there is nothing to divide by (a rate of nothing is unknown, not 0). */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Rating average and distribution over numeric response values (value → count). */
export function rating(values: Record<string, number>): Rating {
  let count = 0;
  let sum = 0;
  for (const [value, n] of Object.entries(values)) {
    count += n;
    sum += Number(value) * n;
  }
  return { average: count > 0 ? sum / count : null, count, distribution: { ...values } };
}

/** Net promoter score from 0–10 answers: % of 9–10 minus % of 0–6, rounded to one decimal. */
export function nps(values: Record<string, number>): Nps {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const [value, n] of Object.entries(values)) {
    const v = Number(value);
    if (v >= 9) promoters += n;
    else if (v >= 7) passives += n;
    else detractors += n;
  }
  const count = promoters + passives + detractors;
  const score = count > 0 ? Math.round(((promoters - detractors) / count) * 1000) / 10 : null;
  return { score, promoters, passives, detractors, count };
}

/**
 * Turns a store's raw counts into the results a product manager reads. Every rate is over viewers, each
 * counted once: 3 viewers, 4 impressions and 1 click is a 33% click rate (per impression it would read 25%,
 * which the funnel used to label "of viewers"). NPS appears only for NPS surveys.
 *
 * @example summarize({ impressions: 4, viewers: 3, clicks: 1, clickers: 1, dismissals: 0, dismissers: 0, responses: 0, values: {} }, undefined).clickRate // 1/3
 */
export function summarize(counts: ResultsCounts, scale: SurveyScale | undefined): ResultsSummary {
  return {
    impressions: counts.impressions,
    viewers: counts.viewers,
    clicks: counts.clicks,
    dismissals: counts.dismissals,
    responses: counts.responses,
    clickers: counts.clickers,
    dismissers: counts.dismissers,
    clickRate: rate(counts.clickers, counts.viewers),
    dismissRate: rate(counts.dismissers, counts.viewers),
    responseRate: rate(counts.responses, counts.viewers),
    rating: rating(counts.values),
    nps: scale === 'nps' ? nps(counts.values) : null,
  };
}

/** Counts of nothing, to add to. */
export function emptyCounts(): ResultsCounts {
  return {
    impressions: 0,
    viewers: 0,
    clicks: 0,
    dismissals: 0,
    responses: 0,
    clickers: 0,
    dismissers: 0,
    values: {},
  };
}

/** The sum of two sets of counts (viewers add up too: callers summing across messages accept the overlap). */
export function addCounts(a: ResultsCounts, b: ResultsCounts): ResultsCounts {
  const values = { ...a.values };
  for (const [k, n] of Object.entries(b.values)) values[k] = (values[k] ?? 0) + n;
  return {
    impressions: a.impressions + b.impressions,
    viewers: a.viewers + b.viewers,
    clicks: a.clicks + b.clicks,
    dismissals: a.dismissals + b.dismissals,
    responses: a.responses + b.responses,
    clickers: a.clickers + b.clickers,
    dismissers: a.dismissers + b.dismissers,
    values,
  };
}
