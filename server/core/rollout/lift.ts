/** Conversions out of users, for one group. */
export type Conversion = { users: number; converted: number };

export type Interval = { low: number; high: number };

/** Goal conversion of exposed users against the holdout, with 95% intervals and a plain warning when too small. */
export type Lift = {
  exposedRate: number | null;
  holdoutRate: number | null;
  /** Percentage points as a fraction: exposedRate − holdoutRate. */
  absolute: number | null;
  absoluteInterval: Interval | null;
  /** exposedRate / holdoutRate − 1. */
  relative: number | null;
  relativeInterval: Interval | null;
  /** Set when the sample cannot tell: fewer than 5 conversions or non-conversions in a group. */
  warning: string | null;
};

const Z95 = 1.959964;

/**
 * Lift of a goal for exposed users over the holdout. The absolute difference uses the normal (Wald)
 * interval for two proportions; the relative lift uses the log of the rate ratio (delta method), which
 * stays valid when the rates are small.
 *
 * @example lift({ users: 1000, converted: 120 }, { users: 1000, converted: 100 }).absolute // 0.02
 */
export function lift(exposed: Conversion, holdout: Conversion): Lift {
  const p1 = exposed.users > 0 ? exposed.converted / exposed.users : null;
  const p0 = holdout.users > 0 ? holdout.converted / holdout.users : null;
  const warning = smallSample(exposed, holdout);
  if (p1 === null || p0 === null) {
    return {
      exposedRate: p1,
      holdoutRate: p0,
      absolute: null,
      absoluteInterval: null,
      relative: null,
      relativeInterval: null,
      warning,
    };
  }
  const absolute = p1 - p0;
  const se = Math.sqrt((p1 * (1 - p1)) / exposed.users + (p0 * (1 - p0)) / holdout.users);
  const absoluteInterval = { low: absolute - Z95 * se, high: absolute + Z95 * se };
  let relative: number | null = null;
  let relativeInterval: Interval | null = null;
  if (p0 > 0 && p1 > 0) {
    relative = p1 / p0 - 1;
    const seLog = Math.sqrt((1 - p1) / exposed.converted + (1 - p0) / holdout.converted);
    const logRatio = Math.log(p1 / p0);
    relativeInterval = {
      low: Math.exp(logRatio - Z95 * seLog) - 1,
      high: Math.exp(logRatio + Z95 * seLog) - 1,
    };
  }
  return {
    exposedRate: p1,
    holdoutRate: p0,
    absolute,
    absoluteInterval,
    relative,
    relativeInterval,
    warning,
  };
}

function smallSample(exposed: Conversion, holdout: Conversion): string | null {
  const groups: [string, Conversion][] = [
    ['exposed', exposed],
    ['holdout', holdout],
  ];
  for (const [name, g] of groups) {
    if (g.converted < 5 || g.users - g.converted < 5) {
      return `Too few users to tell yet: the ${name} group has ${g.converted} conversions out of ${g.users} users (need at least 5 of each outcome).`;
    }
  }
  return null;
}
