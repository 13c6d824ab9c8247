import type { RouteHandler } from '@hono/zod-openapi';
import { applyMessageChange, type LifecycleAction, type MessageChange } from '../../core/message-changes.ts';
import type { RouteDeps } from '../../deps.ts';
import { ApiError, invalid } from '../../http/errors.ts';
import { adminResource, adminRoute, IdParam, json, routeApp } from '../../http/routes.ts';
import { MAX_TRIES } from '../../rollout/service.ts';
import { Message, MessageInput, MessagePatch } from '../../schema/message.ts';
import { buildMessage, inputOf } from './message-doc.ts';
import { assertSegmentsExist } from './segment-refs.ts';
import { siteOr404 } from './sites.ts';

/** Loads a message or answers 404. */
export async function messageOr404(deps: RouteDeps, id: string): Promise<Message> {
  const message = await deps.store.getMessage(id);
  if (message === null) throw new ApiError(404, 'not_found', 'message not found');
  return message;
}

const messages = adminResource('messages', Message, '/sites/{siteId}/messages', '/messages/{id}');
const list = messages.list('List a site’s messages', 'The site’s messages');
const create = messages.create('Create a message (as a draft)', MessageInput, 'The new draft');
const get = messages.get('One message', 'The message');
const update = messages.update('Change a message', MessagePatch, 'The changed message', {
  description:
    'With `version` (the version the editor loaded), a 409 `message_changed` when another write came first',
});
const remove = messages.remove('Delete a message and its events');
const lifecycle = <const A extends LifecycleAction>(action: A, summary: string) =>
  adminRoute('post', `/messages/{id}/${action}`, summary, {
    request: { params: IdParam },
    responses: { 200: json(Message, 'The message in its new status') },
  });

/** A 409 for a save based on a version of the message that is not the stored one any more. */
const changedMeanwhile = (message: Message) =>
  new ApiError(
    409,
    'message_changed',
    `the message was changed since it was loaded (now version ${message.version}, ${message.status}); load it again`,
  );

/** /api/sites/:siteId/messages and /api/messages/:id: compose messages (created as drafts) and run their lifecycle. */
export function messageRoutes(deps: RouteDeps) {
  async function assertRelease(siteId: string, releaseId: string | null): Promise<void> {
    if (releaseId === null) return;
    const release = await deps.store.getRelease(releaseId);
    if (release?.siteId !== siteId) {
      throw new ApiError(400, 'invalid_message', 'invalid message: releaseId: no such release on this site', {
        releaseId: 'no such release on this site',
      });
    }
  }

  /**
   * The one write path of a stored message: reads it, applies the change the caller makes of it (pure, see
   * `applyMessageChange`) and writes it compare-and-set. When another write came first the change is made
   * again of the fresh message (an edit never undoes a publish or pause that came in between) — unless the
   * caller named the version it had loaded (`expected`), which is then out of date: 409 `message_changed`.
   */
  async function changeMessage(
    id: string,
    changeOf: (message: Message) => Promise<MessageChange> | MessageChange,
    expected?: number,
  ): Promise<Message> {
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      const message = await messageOr404(deps, id);
      if (expected !== undefined && message.version !== expected) throw changedMeanwhile(message);
      const change = await changeOf(message);
      const outcome = applyMessageChange(message, change, deps.clock().toISOString());
      if (!outcome.ok) throw new ApiError(409, 'invalid_transition', outcome.reason);
      const stored = await deps.store.updateMessage(outcome.message);
      if (stored === null) continue;
      deps.live.invalidate(stored.siteId);
      return stored;
    }
    throw new ApiError(409, 'message_changed', 'the message kept changing meanwhile; try again');
  }

  /** The edit of a PATCH, made of the message as it is stored now: the patch merged in, validated, compiled. */
  async function editOf(message: Message, patch: Omit<MessagePatch, 'version'>): Promise<MessageChange> {
    const merged = MessageInput.safeParse({ ...inputOf(message), ...patch });
    if (!merged.success) throw invalid(merged.error, 'message');
    await assertRelease(message.siteId, merged.data.releaseId);
    const audience = { audience: merged.data.audience };
    await assertSegmentsExist(deps, message.siteId, audience, 'invalid_message', 'message');
    // buildMessage validates what zod cannot see and compiles the content; the edit keeps both halves.
    return { kind: 'edit', input: merged.data, compiled: buildMessage(merged.data, message).compiled };
  }

  /** Moves a message to an action's status, when its status allows that action. */
  const act =
    <A extends LifecycleAction>(action: A): RouteHandler<ReturnType<typeof lifecycle<A>>> =>
    async (c) =>
      c.json(await changeMessage(c.req.valid('param').id, () => ({ kind: action })), 200);

  return routeApp()
    .openapi(list, async (c) => {
      const site = await siteOr404(deps, c.req.valid('param').siteId);
      return c.json({ messages: await deps.store.listMessages(site.id) }, 200);
    })
    .openapi(create, async (c) => {
      const site = await siteOr404(deps, c.req.valid('param').siteId);
      const input = c.req.valid('json');
      await assertRelease(site.id, input.releaseId);
      await assertSegmentsExist(deps, site.id, { audience: input.audience }, 'invalid_message', 'message');
      const now = deps.clock().toISOString();
      const base = {
        id: deps.ids('msg'),
        siteId: site.id,
        version: 0,
        status: 'draft' as const,
        createdAt: now,
        updatedAt: now,
        publishedAt: null,
      };
      const message = buildMessage(input, base);
      await deps.store.createMessage(message);
      deps.live.invalidate(message.siteId);
      return c.json(message, 201);
    })
    .openapi(get, async (c) => c.json(await messageOr404(deps, c.req.valid('param').id), 200))
    .openapi(update, async (c) => {
      const { version, ...patch } = c.req.valid('json');
      const stored = await changeMessage(c.req.valid('param').id, (m) => editOf(m, patch), version);
      return c.json(stored, 200);
    })
    .openapi(remove, async (c) => {
      const message = await messageOr404(deps, c.req.valid('param').id);
      await deps.store.deleteMessage(message.id);
      deps.live.invalidate(message.siteId);
      return c.body(null, 204);
    })
    .openapi(lifecycle('publish', 'Make a message live'), act('publish'))
    .openapi(lifecycle('pause', 'Pause a live message'), act('pause'))
    .openapi(lifecycle('archive', 'Archive a message'), act('archive'));
}
