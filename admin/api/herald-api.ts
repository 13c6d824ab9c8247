import type {
  Account,
  AccountInput,
  AccountPatch,
  AuditEntry,
  SessionInfo,
} from '../../server/schema/account.ts';
import type { DigestReport, DigestStatus } from '../../server/schema/changelog.ts';
import type { DemoData } from '../../server/schema/demo-data.ts';
import type {
  AudienceEstimate,
  AudienceEstimateRequest,
  TimeSeries,
  Trends,
  UserLookup,
  Widening,
} from '../../server/schema/insights.ts';
import type { Message, MessageInput, MessagePatch } from '../../server/schema/message.ts';
import type { PreviewRequest, PreviewResponse } from '../../server/schema/preview.ts';
import type { Release, ReleaseInput, ReleasePatch, RolloutAction } from '../../server/schema/release.ts';
import type { ReleaseReport } from '../../server/schema/report.ts';
import type { ResponseRow, Results } from '../../server/schema/results.ts';
import type { Site, SiteInput, SitePatch } from '../../server/schema/site.ts';
import type { Client } from './client.ts';

/** What the responses list asks for; the same query makes the CSV link. */
export type ResponsesQuery = { q?: string; limit?: number; offset?: number };

/** Input with what the server fills in left optional, so a form can send only what it edits. */
/** What the audience estimate checks besides the audience (see `AudienceEstimateRequest`). */
export type EstimateTarget = Partial<Omit<AudienceEstimateRequest, 'audience'>>;
export type PreviewInput = Partial<Omit<PreviewRequest, 'messageId'>> & { messageId: string };

const enc = encodeURIComponent;

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * Every admin endpoint the page uses, typed with the server's schemas. Models receive this as an
 * argument (CONVENTIONS #11), so tests pass a fake.
 *
 * @example const api = createHeraldApi(createClient()); const sites = await api.sites.list();
 */
export function createHeraldApi(client: Client) {
  return {
    client,
    session: {
      get: () => client.get<SessionInfo>('/api/session'),
      signIn: (email: string, password: string) =>
        client.post<SessionInfo>('/api/session', { email, password }),
      signOut: () => client.del('/api/session'),
    },
    sites: {
      list: () => client.get<{ sites: Site[] }>('/api/sites').then((r) => r.sites),
      get: (id: string) => client.get<Site>(`/api/sites/${enc(id)}`),
      create: (input: Partial<SiteInput> & { name: string }) => client.post<Site>('/api/sites', input),
      update: (id: string, patch: SitePatch) => client.patch<Site>(`/api/sites/${enc(id)}`, patch),
      digest: (id: string) => client.get<DigestStatus>(`/api/sites/${enc(id)}/digest`),
      sendDigest: (id: string) => client.post<DigestReport>(`/api/sites/${enc(id)}/digest/send`),
    },
    messages: {
      list: (siteId: string) =>
        client.get<{ messages: Message[] }>(`/api/sites/${enc(siteId)}/messages`).then((r) => r.messages),
      get: (id: string) => client.get<Message>(`/api/messages/${enc(id)}`),
      create: (siteId: string, input: MessageInput) =>
        client.post<Message>(`/api/sites/${enc(siteId)}/messages`, input),
      update: (id: string, patch: MessagePatch) => client.patch<Message>(`/api/messages/${enc(id)}`, patch),
      remove: (id: string) => client.del(`/api/messages/${enc(id)}`),
      act: (id: string, action: 'publish' | 'pause' | 'archive') =>
        client.post<Message>(`/api/messages/${enc(id)}/${action}`),
    },
    results: {
      summary: (id: string, by?: string) =>
        client.get<Results>(`/api/messages/${enc(id)}/results${query({ by })}`),
      responses: (id: string, q: ResponsesQuery) =>
        client
          .get<{ responses: ResponseRow[] }>(`/api/messages/${enc(id)}/responses${query(q)}`)
          .then((r) => r.responses),
      /** A plain link works: the session cookie goes with it. */
      csvUrl: (id: string, q?: string) =>
        `/api/messages/${enc(id)}/responses${query({ format: 'csv', q, limit: 10_000 })}`,
      timeseries: (id: string, bucket: 'hour' | 'day', days: number) =>
        client.get<TimeSeries>(`/api/messages/${enc(id)}/timeseries${query({ bucket, days })}`),
      trends: (siteId: string, days = 14) =>
        client.get<Trends>(`/api/sites/${enc(siteId)}/trends${query({ days })}`),
    },
    preview: {
      check: (siteId: string, input: PreviewInput) =>
        client.post<PreviewResponse>(`/api/sites/${enc(siteId)}/preview`, input),
      /** `target`: the message's release, rollout percentage and (once saved) id, which decide also checks. */
      estimate: (siteId: string, audience: Record<string, unknown>, target: EstimateTarget = {}) =>
        client.post<AudienceEstimate>(`/api/sites/${enc(siteId)}/audience-estimate`, { audience, ...target }),
    },
    users: {
      lookup: (siteId: string, key: string) =>
        client.get<UserLookup>(`/api/sites/${enc(siteId)}/users/${enc(key)}`),
    },
    demoData: {
      /** The simulated pilot traffic `npm start` seeded on the site (all zero elsewhere, and once removed). */
      get: (siteId: string) => client.get<DemoData>(`/api/sites/${enc(siteId)}/demo-data`),
      remove: (siteId: string) => client.del(`/api/sites/${enc(siteId)}/demo-data`),
    },
    releases: {
      list: (siteId: string) =>
        client.get<{ releases: Release[] }>(`/api/sites/${enc(siteId)}/releases`).then((r) => r.releases),
      get: (id: string) => client.get<Release>(`/api/releases/${enc(id)}`),
      create: (siteId: string, input: ReleaseInput) =>
        client.post<Release>(`/api/sites/${enc(siteId)}/releases`, input),
      update: (id: string, patch: ReleasePatch) => client.patch<Release>(`/api/releases/${enc(id)}`, patch),
      /** Advance, pause, resume, roll back or complete; a 409 `invalid_transition` when it does not apply now. */
      act: (id: string, action: RolloutAction, reason?: string) =>
        client.post<Release>(`/api/releases/${enc(id)}/${action}`, reason ? { reason } : undefined),
      /** How many known users `action` would newly reach; a 409 when it does not apply now. */
      widening: (id: string, action: RolloutAction) =>
        client.get<Widening>(`/api/releases/${enc(id)}/widening${query({ action })}`),
      /** `by`: `phase` (default) or `trait:NAME`. */
      report: (id: string, by?: string) =>
        client.get<ReleaseReport>(`/api/releases/${enc(id)}/report${query({ by })}`),
    },
    accounts: {
      list: () => client.get<{ accounts: Account[] }>('/api/accounts').then((r) => r.accounts),
      create: (input: AccountInput) => client.post<Account>('/api/accounts', input),
      update: (id: string, patch: AccountPatch) => client.patch<Account>(`/api/accounts/${enc(id)}`, patch),
    },
    audit: {
      list: (limit: number, offset: number) =>
        client.get<{ entries: AuditEntry[] }>(`/api/audit${query({ limit, offset })}`).then((r) => r.entries),
    },
  };
}

/** The typed API the models take. */
export type HeraldApi = ReturnType<typeof createHeraldApi>;
