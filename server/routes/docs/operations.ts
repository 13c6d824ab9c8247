import { z } from 'zod';
import {
  Account,
  AccountInput,
  AccountPatch,
  AuditPage,
  LoginRequest,
  SessionInfo,
} from '../../schema/account.ts';
import { DigestReport, DigestStatus, SubscribeRequest } from '../../schema/changelog.ts';
import { DecideRequest, DecideResponse } from '../../schema/decide.ts';
import { DemoData, DemoDataRemoved } from '../../schema/demo-data.ts';
import { ErrorBody } from '../../schema/error.ts';
import { EventBatch, EventsResponse } from '../../schema/events.ts';
import { FeedRequest, FeedResponse } from '../../schema/feed.ts';
import {
  AudienceEstimate,
  AudienceEstimateRequest,
  TimeSeries,
  Trends,
  UserLookup,
  Widening,
} from '../../schema/insights.ts';
import { Message, MessageInput, MessagePatch } from '../../schema/message.ts';
import { PreviewRequest, PreviewResponse } from '../../schema/preview.ts';
import { Release, ReleaseInput, ReleasePatch } from '../../schema/release.ts';
import { ReleaseReport } from '../../schema/report.ts';
import { Results } from '../../schema/results.ts';
import { Site, SiteInput, SitePatch } from '../../schema/site.ts';

/** One documented endpoint: the schemas are the same ones the routes parse with, so docs cannot drift. */
export type Operation = {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: 'public' | 'admin';
  body?: z.ZodType;
  response?: z.ZodType;
  /** False for the one admin request that needs no credentials: signing in. */
  auth?: false;
};

/** Every endpoint of DESIGN's contract that this server implements. */
export const operations: Operation[] = [
  {
    method: 'post',
    path: '/v1/decide',
    tag: 'public',
    summary: 'What this user should see now',
    body: DecideRequest,
    response: DecideResponse,
  },
  {
    method: 'post',
    path: '/v1/events',
    tag: 'public',
    summary: 'Record a batch of events (JSON or text/plain); answered once stored',
    body: EventBatch,
    response: EventsResponse,
  },
  {
    method: 'post',
    path: '/v1/feed',
    tag: 'public',
    summary: 'The changelog feed this user may see, with unread count',
    body: FeedRequest,
    response: FeedResponse,
  },
  { method: 'get', path: '/healthz', tag: 'public', summary: 'Liveness and storage check' },
  {
    method: 'get',
    path: '/changelog/{slug}',
    tag: 'public',
    summary: 'The site’s public changelog (HTML, `?page=`, `?lang=`); `/posts/{id}` is one post’s permalink',
  },
  { method: 'get', path: '/changelog/{slug}/rss.xml', tag: 'public', summary: 'The changelog as RSS 2.0' },
  {
    method: 'get',
    path: '/changelog/{slug}/feed.json',
    tag: 'public',
    summary: 'The changelog as JSON Feed 1.1',
  },
  {
    method: 'post',
    path: '/changelog/{slug}/subscribe',
    tag: 'public',
    summary: 'Ask for the email digest (a form or JSON); a confirmation mail follows (double opt-in)',
    body: SubscribeRequest,
  },
  { method: 'get', path: '/api/sites', tag: 'admin', summary: 'List sites' },
  {
    method: 'post',
    path: '/api/sites',
    tag: 'admin',
    summary: 'Create a site',
    body: SiteInput,
    response: Site,
  },
  { method: 'get', path: '/api/sites/{id}', tag: 'admin', summary: 'One site with its keys', response: Site },
  {
    method: 'patch',
    path: '/api/sites/{id}',
    tag: 'admin',
    summary: 'Change a site',
    body: SitePatch,
    response: Site,
  },
  {
    method: 'post',
    path: '/api/sites/{id}/rotate-secret',
    tag: 'admin',
    summary: 'Give the site a new secret; the previous one stays valid for 7 days',
    response: Site,
  },
  { method: 'get', path: '/api/sites/{siteId}/messages', tag: 'admin', summary: 'List a site’s messages' },
  {
    method: 'post',
    path: '/api/sites/{siteId}/messages',
    tag: 'admin',
    summary: 'Create a message (as a draft)',
    body: MessageInput,
    response: Message,
  },
  { method: 'get', path: '/api/messages/{id}', tag: 'admin', summary: 'One message', response: Message },
  {
    method: 'patch',
    path: '/api/messages/{id}',
    tag: 'admin',
    summary: 'Change a message',
    body: MessagePatch,
    response: Message,
  },
  { method: 'delete', path: '/api/messages/{id}', tag: 'admin', summary: 'Delete a message and its events' },
  {
    method: 'post',
    path: '/api/messages/{id}/publish',
    tag: 'admin',
    summary: 'Make a message live',
    response: Message,
  },
  {
    method: 'post',
    path: '/api/messages/{id}/pause',
    tag: 'admin',
    summary: 'Pause a live message',
    response: Message,
  },
  {
    method: 'post',
    path: '/api/messages/{id}/archive',
    tag: 'admin',
    summary: 'Archive a message',
    response: Message,
  },
  {
    method: 'get',
    path: '/api/messages/{id}/results',
    tag: 'admin',
    summary: 'Results, optionally ?by=phase or ?by=trait:NAME',
    response: Results,
  },
  {
    method: 'get',
    path: '/api/messages/{id}/responses',
    tag: 'admin',
    summary: 'Individual responses (?format=csv, ?q=search, ?limit, ?offset)',
  },
  { method: 'get', path: '/api/sites/{siteId}/releases', tag: 'admin', summary: 'List a site’s releases' },
  {
    method: 'post',
    path: '/api/sites/{siteId}/releases',
    tag: 'admin',
    summary: 'Create a release (as a draft)',
    body: ReleaseInput,
    response: Release,
  },
  { method: 'get', path: '/api/releases/{id}', tag: 'admin', summary: 'One release', response: Release },
  {
    method: 'patch',
    path: '/api/releases/{id}',
    tag: 'admin',
    summary: 'Change a release',
    body: ReleasePatch,
    response: Release,
  },
  {
    method: 'post',
    path: '/api/sites/{siteId}/preview',
    tag: 'admin',
    summary: 'Would this sample user see this message, and why not',
    body: PreviewRequest,
    response: PreviewResponse,
  },
  ...(['advance', 'pause', 'resume', 'rollback', 'complete'] as const).map(
    (action): Operation => ({
      method: 'post',
      path: `/api/releases/{id}/${action}`,
      tag: 'admin',
      summary: `Rollout control: ${action} (optional body { reason })`,
      response: Release,
    }),
  ),
  {
    method: 'get',
    path: '/api/releases/{id}/report',
    tag: 'admin',
    summary: 'Per phase (or ?by=trait:NAME): exposed, holdout, ratings, goal conversion and lift',
    response: ReleaseReport,
  },
  {
    method: 'get',
    path: '/api/releases/{id}/widening',
    tag: 'admin',
    summary: 'How many known users a rollout action (?action=advance|resume|complete…) would newly reach',
    response: Widening,
  },
  {
    method: 'get',
    path: '/api/messages/{id}/timeseries',
    tag: 'admin',
    summary: 'Activity per hour or day (?bucket, ?days)',
    response: TimeSeries,
  },
  {
    method: 'get',
    path: '/api/sites/{siteId}/trends',
    tag: 'admin',
    summary: 'Daily impressions per message (?days)',
    response: Trends,
  },
  {
    method: 'post',
    path: '/api/sites/{siteId}/audience-estimate',
    tag: 'admin',
    summary: 'How many known users match an audience',
    body: AudienceEstimateRequest,
    response: AudienceEstimate,
  },
  {
    method: 'get',
    path: '/api/sites/{siteId}/demo-data',
    tag: 'admin',
    summary: 'How much simulated demo traffic the site holds (seeded by `npm start` on a fresh database)',
    response: DemoData,
  },
  {
    method: 'delete',
    path: '/api/sites/{siteId}/demo-data',
    tag: 'admin',
    summary: 'Removes the simulated demo traffic; the site, its messages, releases and real users stay',
    response: DemoDataRemoved,
  },
  {
    method: 'get',
    path: '/api/sites/{siteId}/digest',
    tag: 'admin',
    summary: 'The changelog email digest: SMTP configured or not, subscribers, last run',
    response: DigestStatus,
  },
  {
    method: 'post',
    path: '/api/sites/{siteId}/digest/send',
    tag: 'admin',
    summary: 'Sends the changelog email digest now, whatever its schedule (409 without SMTP)',
    response: DigestReport,
  },
  {
    method: 'get',
    path: '/api/sites/{siteId}/users/{key}',
    tag: 'admin',
    summary: 'One user: traits, releases, messages seen, dismissed and answered',
    response: UserLookup,
  },
  {
    method: 'post',
    path: '/api/session',
    tag: 'admin',
    summary: 'Sign in: sets the HttpOnly session cookie; answers the account and its CSRF token',
    body: LoginRequest,
    response: SessionInfo,
    auth: false,
  },
  {
    method: 'get',
    path: '/api/session',
    tag: 'admin',
    summary: 'Who is signed in, with the CSRF token to send as x-csrf-token',
    response: SessionInfo,
  },
  { method: 'delete', path: '/api/session', tag: 'admin', summary: 'Sign out' },
  { method: 'get', path: '/api/accounts', tag: 'admin', summary: 'List accounts (admins only)' },
  {
    method: 'post',
    path: '/api/accounts',
    tag: 'admin',
    summary: 'Create an account (admins only)',
    body: AccountInput,
    response: Account,
  },
  {
    method: 'patch',
    path: '/api/accounts/{id}',
    tag: 'admin',
    summary: 'Change a role or password, or disable (signs the account out; the last admin stays)',
    body: AccountPatch,
    response: Account,
  },
  {
    method: 'get',
    path: '/api/audit',
    tag: 'admin',
    summary: 'The audit log, newest first (?limit, ?offset; admins only)',
    response: AuditPage,
  },
];

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });

function operationDoc(op: Operation) {
  const errors = {
    description: 'Error',
    content: { 'application/json': { schema: jsonSchema(ErrorBody, 'output') } },
  };
  return {
    summary: op.summary,
    tags: [op.tag],
    ...(op.tag === 'admin' && op.auth !== false ? { security: [{ bearer: [] }, { session: [] }] } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(op.body, 'input') } },
          },
        }
      : {}),
    responses: {
      '200': {
        description: 'OK',
        ...(op.response
          ? { content: { 'application/json': { schema: jsonSchema(op.response, 'output') } } }
          : {}),
      },
      '4XX': errors,
    },
  };
}

/** The paths of routes not yet declared with `route(…)`; goes away when the last one is. */
export function legacyPaths() {
  const paths: Record<string, Record<string, ReturnType<typeof operationDoc>>> = {};
  for (const op of operations) paths[op.path] = { ...paths[op.path], [op.method]: operationDoc(op) };
  return paths;
}
