/**
 * The garbage collections a server ran while a load ran, read from its own `/metrics` (prom-client's process
 * metrics, `herald_` prefix, from Node's `gc` performance entries): each kind's count and total pause. The
 * client's latency alone cannot tell a server stopped by its collector from a slow load generator.
 *
 * (Not the event-loop lag gauges beside them: Node 20's `monitorEventLoopDelay` recorded 10 ms for an 80 ms
 * synchronous block here, so the longest stall cannot be read from them.)
 */
export type ServerPauses = {
  /** Full (mark-compact) collections: how many, and the total of their final pauses in ms. */
  major: { count: number; ms: number };
  /** The incremental marking steps that lead up to them, run on the event loop. */
  incremental: { count: number; ms: number };
  /** Young-generation collections (scavenges). */
  minor: { count: number; ms: number };
};

/** A metric's value in Prometheus text, by its name and labels as written (e.g. `{kind="major"}`); 0 if absent. */
export function metricValue(text: string, name: string, labels = ''): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
}

const gc = (text: string, kind: string) => ({
  count: metricValue(text, 'herald_nodejs_gc_duration_seconds_count', `{kind="${kind}"}`),
  ms: 1000 * metricValue(text, 'herald_nodejs_gc_duration_seconds_sum', `{kind="${kind}"}`),
});

/** The pauses between two scrapes of `/metrics`: `before` was taken just before the load, `after` just after. */
export function pausesBetween(before: string, after: string): ServerPauses {
  const diff = (kind: string) => {
    const [a, b] = [gc(before, kind), gc(after, kind)];
    return { count: b.count - a.count, ms: b.ms - a.ms };
  };
  return { major: diff('major'), incremental: diff('incremental'), minor: diff('minor') };
}

/** Runs `load` between two scrapes of `base`'s `/metrics`: the load's result, and the server's collections during it. */
export async function withServerPauses<T>(
  base: string,
  load: () => Promise<T>,
): Promise<{ result: T; pauses: ServerPauses }> {
  const scrape = async () => (await fetch(`${base}/metrics`)).text();
  const before = await scrape();
  const result = await load();
  return { result, pauses: pausesBetween(before, await scrape()) };
}
