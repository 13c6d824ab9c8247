import type { ResultsCounts } from '../../server/schema/results.ts';
import type { ResultsBy, StoredEvent } from '../../server/store/store.ts';

/**
 * Results computed the slow, obvious way from the whole event log — what the SQL over raw events gave before
 * rollups — to check the rollups against: distinct users per group, and each user's latest answer (by time,
 * then id) counted in the group of that answer. Traits are the users' (unchanging) traits.
 */
export function oracleResults(
  events: StoredEvent[],
  messageId: string,
  traits: Map<string, Record<string, unknown>>,
  by: ResultsBy,
): { overall: ResultsCounts; groups: { key: string | null; counts: ResultsCounts }[] } {
  const mine = events.filter((e) => e.messageId === messageId);
  const latest = new Map<string, StoredEvent>();
  for (const e of mine.filter((x) => x.type === 'response')) {
    const known = latest.get(e.userKey);
    const later = known === undefined || e.at > known.at || (e.at === known.at && e.id > known.id);
    if (later) latest.set(e.userKey, e);
  }
  const counted = mine.filter((e) => e.type !== 'response' || latest.get(e.userKey) === e);
  const keyOf = (e: StoredEvent): string | null => {
    if (by === null) return null;
    if (by.kind === 'phase') return e.phase;
    const v = traits.get(e.userKey)?.[by.name];
    return v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v);
  };
  const groups = new Map<string | null, StoredEvent[]>();
  for (const e of counted) groups.set(keyOf(e), [...(groups.get(keyOf(e)) ?? []), e]);
  return {
    overall: tally(counted),
    groups:
      by === null
        ? []
        : [...groups]
            .map(([key, list]) => ({ key, counts: tally(list) }))
            .sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.key.localeCompare(b.key))),
  };
}

function tally(events: StoredEvent[]): ResultsCounts {
  const of = (type: string) => events.filter((e) => e.type === type);
  const users = (type: string) => new Set(of(type).map((e) => e.userKey)).size;
  const values: Record<string, number> = {};
  for (const e of of('response')) {
    if (e.value !== undefined) values[String(e.value)] = (values[String(e.value)] ?? 0) + 1;
  }
  return {
    impressions: of('impression').length,
    viewers: users('impression'),
    clicks: of('click').length,
    dismissals: of('dismiss').length,
    responses: of('response').length,
    clickers: users('click'),
    dismissers: users('dismiss'),
    values,
  };
}
