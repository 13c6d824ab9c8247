import { hc, parseResponse } from 'hono/client';
import type { JSONParsed } from 'hono/utils/types';
import type { AdminApi } from '../../server/routes/admin/api.ts';
import type { AccountInput, AccountPatch } from '../../server/schema/account.ts';
import type { AudienceEstimateRequest } from '../../server/schema/insights.ts';
import type { Message, MessageInput, MessagePatch } from '../../server/schema/message.ts';
import type { PreviewRequest } from '../../server/schema/preview.ts';
import type { ReleaseInput, ReleasePatch, RolloutAction } from '../../server/schema/release.ts';
import type { SegmentInput, SegmentPatch } from '../../server/schema/segment.ts';
import type { SiteInput, SitePatch } from '../../server/schema/site.ts';
import type { Client } from './client.ts';

/** What the responses list asks for; the same query makes the CSV link. */
export type ResponsesQuery = { q?: string; limit?: number; offset?: number };

/** What the audience estimate checks besides the audience (see `AudienceEstimateRequest`). */
export type EstimateTarget = Partial<Omit<AudienceEstimateRequest, 'audience'>>;
/** Input with what the server fills in left optional, so a form can send only what it edits. */
export type PreviewInput = Partial<Omit<PreviewRequest, 'messageId'>> & { messageId: string };

const enc = encodeURIComponent;

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Query values as they go in a URL, left out when empty. */
function strings(params: Record<string, string | number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') out[k] = String(v);
  return out;
}

/**
 * The one place the client's types are helped: Hono's JSON typing turns a type that refers to itself into
 * `JSONValue` (the compiled body's `Inline` holds `Inline[]`), so a message's compiled body loses its
 * shape there. The route declares `Message` as its answer and the body is that JSON, so it is one.
 */
const message = (m: JSONParsed<Message>): Message => m as Message;
const messages = (ms: JSONParsed<Message>[]): Message[] => ms.map(message);

/**
 * Every admin endpoint the page uses, through a client typed by the server's own route declarations
 * (`hc<AdminApi>`): paths, params, bodies and answers are checked by the compiler, with no casts. Models
 * receive this as an argument (CONVENTIONS #11), so tests pass a fake server.
 *
 * @example const api = createHeraldApi(createClient()); const sites = await api.sites.list();
 */
export function createHeraldApi(client: Client) {
  const api = hc<AdminApi>('/api', { fetch: client.fetch });
  const site = (id: string) => ({ param: { id: enc(id) } });
  const ofSite = (siteId: string) => ({ param: { siteId: enc(siteId) } });
  return {
    client,
    session: {
      get: () => parseResponse(api.session.$get()),
      signIn: (email: string, password: string) =>
        parseResponse(api.session.$post({ json: { email, password } })),
      signOut: () => parseResponse(api.session.$delete()),
    },
    sites: {
      list: () => parseResponse(api.sites.$get()).then((r) => r.sites),
      get: (id: string) => parseResponse(api.sites[':id'].$get(site(id))),
      create: (input: Partial<SiteInput> & { name: string }) =>
        parseResponse(api.sites.$post({ json: input })),
      update: (id: string, patch: SitePatch) =>
        parseResponse(api.sites[':id'].$patch({ ...site(id), json: patch })),
      digest: (id: string) => parseResponse(api.sites[':siteId'].digest.$get(ofSite(id))),
      sendDigest: (id: string) => parseResponse(api.sites[':siteId'].digest.send.$post(ofSite(id))),
    },
    messages: {
      list: (siteId: string) =>
        parseResponse(api.sites[':siteId'].messages.$get(ofSite(siteId))).then((r) => messages(r.messages)),
      get: (id: string) => parseResponse(api.messages[':id'].$get(site(id))).then(message),
      create: (siteId: string, input: MessageInput) =>
        parseResponse(api.sites[':siteId'].messages.$post({ ...ofSite(siteId), json: input })).then(message),
      update: (id: string, patch: MessagePatch) =>
        parseResponse(api.messages[':id'].$patch({ ...site(id), json: patch })).then(message),
      remove: (id: string) => parseResponse(api.messages[':id'].$delete(site(id))),
      act: (id: string, action: 'publish' | 'pause' | 'archive') =>
        parseResponse(api.messages[':id'][action].$post(site(id))).then(message),
    },
    results: {
      summary: (id: string, by?: string) =>
        parseResponse(api.messages[':id'].results.$get({ ...site(id), query: strings({ by }) })),
      responses: (id: string, q: ResponsesQuery) =>
        // JSON unless `format=csv`, which is the link below: an answer without `responses` is none.
        parseResponse(api.messages[':id'].responses.$get({ ...site(id), query: strings(q) })).then((r) =>
          typeof r === 'object' && 'responses' in r ? r.responses : [],
        ),
      /** A plain link works: the session cookie goes with it. */
      csvUrl: (id: string, q?: string) =>
        `/api/messages/${enc(id)}/responses${query({ format: 'csv', q, limit: 10_000 })}`,
      timeseries: (id: string, bucket: 'hour' | 'day', days: number) =>
        parseResponse(api.messages[':id'].timeseries.$get({ ...site(id), query: strings({ bucket, days }) })),
      trends: (siteId: string, days = 14) =>
        parseResponse(api.sites[':siteId'].trends.$get({ ...ofSite(siteId), query: strings({ days }) })),
    },
    preview: {
      check: (siteId: string, input: PreviewInput) =>
        parseResponse(api.sites[':siteId'].preview.$post({ ...ofSite(siteId), json: input })),
      /** `target`: the message's release, rollout percentage and (once saved) id, which decide also checks. */
      estimate: (siteId: string, audience: Record<string, unknown>, target: EstimateTarget = {}) =>
        parseResponse(
          api.sites[':siteId']['audience-estimate'].$post({
            ...ofSite(siteId),
            json: { audience, ...target },
          }),
        ),
    },
    users: {
      lookup: (siteId: string, key: string) =>
        parseResponse(
          api.sites[':siteId'].users[':key'].$get({ param: { siteId: enc(siteId), key: enc(key) } }),
        ),
    },
    demoData: {
      /** The simulated pilot traffic `npm start` seeded on the site (all zero elsewhere, and once removed). */
      get: (siteId: string) => parseResponse(api.sites[':siteId']['demo-data'].$get(ofSite(siteId))),
      remove: (siteId: string) => parseResponse(api.sites[':siteId']['demo-data'].$delete(ofSite(siteId))),
    },
    releases: {
      list: (siteId: string) =>
        parseResponse(api.sites[':siteId'].releases.$get(ofSite(siteId))).then((r) => r.releases),
      get: (id: string) => parseResponse(api.releases[':id'].$get(site(id))),
      create: (siteId: string, input: ReleaseInput) =>
        parseResponse(api.sites[':siteId'].releases.$post({ ...ofSite(siteId), json: input })),
      update: (id: string, patch: ReleasePatch) =>
        parseResponse(api.releases[':id'].$patch({ ...site(id), json: patch })),
      /** Advance, pause, resume, roll back or complete; a 409 `invalid_transition` when it does not apply now. */
      act: (id: string, action: RolloutAction, reason?: string) =>
        parseResponse(api.releases[':id'][action].$post({ ...site(id), json: reason ? { reason } : {} })),
      /** How many known users `action` would newly reach; a 409 when it does not apply now. */
      widening: (id: string, action: RolloutAction) =>
        parseResponse(api.releases[':id'].widening.$get({ ...site(id), query: { action } })),
      /** `by`: `phase` (default) or `trait:NAME`. */
      report: (id: string, by?: string) =>
        parseResponse(api.releases[':id'].report.$get({ ...site(id), query: strings({ by }) })),
    },
    segments: {
      /** The site's saved audiences, each with the messages and release phases that use it. */
      list: (siteId: string) =>
        parseResponse(api.sites[':siteId'].segments.$get(ofSite(siteId))).then((r) => r.segments),
      create: (siteId: string, input: SegmentInput) =>
        parseResponse(api.sites[':siteId'].segments.$post({ ...ofSite(siteId), json: input })),
      update: (siteId: string, id: string, patch: SegmentPatch) =>
        parseResponse(
          api.sites[':siteId'].segments[':segmentId'].$patch({
            param: { siteId: enc(siteId), segmentId: enc(id) },
            json: patch,
          }),
        ),
      /** A 409 `segment_in_use` naming the messages and phases that still use it. */
      remove: (siteId: string, id: string) =>
        parseResponse(
          api.sites[':siteId'].segments[':segmentId'].$delete({
            param: { siteId: enc(siteId), segmentId: enc(id) },
          }),
        ),
    },
    accounts: {
      list: () => parseResponse(api.accounts.$get()).then((r) => r.accounts),
      create: (input: AccountInput) => parseResponse(api.accounts.$post({ json: input })),
      update: (id: string, patch: AccountPatch) =>
        parseResponse(api.accounts[':id'].$patch({ ...site(id), json: patch })),
    },
    audit: {
      list: (limit: number, offset: number) =>
        parseResponse(api.audit.$get({ query: strings({ limit, offset }) })).then((r) => r.entries),
    },
  };
}

/** The typed API the models take. */
export type HeraldApi = ReturnType<typeof createHeraldApi>;
