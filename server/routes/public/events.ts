import { isInterrupting } from '../../core/attention.ts';
import { isTestUser } from '../../core/test-mode.ts';
import type { RouteDeps } from '../../deps.ts';
import { assertOrigin } from '../../http/cors.ts';
import { ApiError } from '../../http/errors.ts';
import { body, json, route, routeApp } from '../../http/routes.ts';
import { EventBatch, EventsResponse } from '../../schema/events.ts';
import type { Message } from '../../schema/message.ts';
import type { StoredEvent } from '../../store/store.ts';
import { assertRatings, proveEvent } from './event-proof.ts';
import { siteContext } from './site-context.ts';

/** How far ahead of the server's clock an event may claim to be; later ones are clamped to now. */
const MAX_SKEW_MS = 5 * 60_000;

const events = route('post', '/', 'Record a batch of events (JSON or text/plain); answered once stored', {
  tags: ['public'],
  request: { body: body(EventBatch, 'Up to 100 events; `text/plain` for sendBeacon', ['text/plain']) },
  responses: {
    200: json(EventsResponse, 'Stored: accepted, duplicates and, when some were, ignored'),
  },
});

/**
 * POST /v1/events: a batch of events, JSON or `text/plain` (sendBeacon). Answers only once the batch is
 * committed; ids make retries harmless. A batch naming a message of another site, or rating outside a
 * survey's scale, is refused whole. Events naming a message that does not exist (one deleted while users
 * still had events for it queued), or without a valid receipt (`event-proof.ts`), are left out and counted
 * as `ignored` (present only then): refusing the batch would make the widget drop the rest of it, goals
 * and responses to other messages included.
 */
export function eventsRoutes(deps: RouteDeps) {
  return routeApp().openapi(events, async (c) => {
    const batch = c.req.valid('json');
    const live = await siteContext(deps, batch.site, c);
    assertOrigin(live.site, c.req.header('origin'));
    const now = deps.clock();
    const messages = await messagesOf(deps, live.site.id, live.messages, batch.events);
    assertRatings(batch.events, messages);
    const known = batch.events.filter((e) => e.messageId === undefined || messages.has(e.messageId));
    const proved = known.flatMap((e) => {
      const proof = proveEvent(live.site, e, now);
      if (proof === null) return [];
      // The user the receipt names; an id it does not vouch for is not stored with the event.
      const user = proof.userKey === e.user.id ? e.user : { anonymousId: proof.userKey };
      const { receipt: _, ...event } = e;
      return [{ ...event, user, userKey: proof.userKey, verified: proof.verified }];
    });
    // A test user's events are acknowledged and never stored, so they move no result, report or gate.
    const counted = proved.filter((e) => !isTestUser(live.site, e.userKey));
    const test = proved.length - counted.length;
    const phases = await phasesOf(deps, live.site.id, messages, counted);
    const stored: StoredEvent[] = counted.map((e) => {
      const message = e.messageId === undefined ? undefined : messages.get(e.messageId);
      const at = Date.parse(e.at) > now.getTime() + MAX_SKEW_MS ? now.toISOString() : e.at;
      return {
        ...e,
        at,
        siteId: live.site.id,
        receivedAt: now.toISOString(),
        interrupting:
          message !== undefined && isInterrupting(message.kind, message.display, message.attentionExempt),
        phase: message?.releaseId ? (phases.get(`${e.userKey} ${message.releaseId}`) ?? null) : null,
      };
    });
    const ignored = batch.events.length - proved.length;
    // `ignored` and `test` only when there were some: the usual answer stays DESIGN's { accepted, duplicates }.
    const result: EventsResponse = {
      ...(await deps.store.insertEvents(stored)),
      ...(ignored && { ignored }),
      ...(test && { test }),
    };
    // Only ratings and dismissals can breach a guardrail or meet a gate (impressions merely dilute the
    // dismiss rate), so only they queue a check; the timer in main.ts covers time-based gates. The check
    // runs after this answer: the batch is stored whatever it finds, or however it fails.
    const releases = new Set(
      stored.flatMap((e) => {
        const releaseId =
          e.type === 'response' || e.type === 'dismiss' ? messages.get(e.messageId ?? '')?.releaseId : null;
        return releaseId ? [releaseId] : [];
      }),
    );
    if (result.accepted > 0) for (const id of releases) deps.rollout.schedule(id);
    return c.json(result, 200);
  });
}

/**
 * The messages the batch names that exist, from the live cache first and the store for paused or
 * archived ones; a message of another site refuses the batch.
 */
async function messagesOf(
  deps: RouteDeps,
  siteId: string,
  live: Message[],
  events: EventBatch['events'],
): Promise<Map<string, Message>> {
  const found = new Map(live.map((m) => [m.id, m]));
  const wanted = new Set(events.flatMap((e) => (e.messageId === undefined ? [] : [e.messageId])));
  const out = new Map<string, Message>();
  for (const id of wanted) {
    const message = found.get(id) ?? (await deps.store.getMessage(id));
    if (message === null || message === undefined) continue;
    if (message.siteId !== siteId) {
      throw new ApiError(400, 'unknown_message', `message ${id} does not belong to this site`);
    }
    out.set(id, message);
  }
  return out;
}

/**
 * The release phase (as its index) each user was in, keyed `userKey releaseId`, for events on release
 * messages; read from the users' recorded exposures, one lookup per user.
 */
async function phasesOf(
  deps: RouteDeps,
  siteId: string,
  messages: Map<string, Message>,
  events: { messageId?: string | undefined; userKey: string }[],
): Promise<Map<string, string>> {
  const phases = new Map<string, string>();
  const users = new Set<string>();
  for (const e of events) {
    if (e.messageId !== undefined && messages.get(e.messageId)?.releaseId) users.add(e.userKey);
  }
  for (const key of users) {
    const state = await deps.store.getUserState(siteId, [key]);
    for (const [releaseId, x] of Object.entries(state?.exposures ?? {}))
      phases.set(`${key} ${releaseId}`, String(x.phase));
  }
  return phases;
}
