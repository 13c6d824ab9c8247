import type { RouteHandler } from '@hono/zod-openapi';
import { z } from 'zod';
import type { RouteDeps } from '../../deps.ts';
import { ApiError, invalid } from '../../http/errors.ts';
import { adminRoute, body, errors, IdParam, json, routeApp, SiteIdParam } from '../../http/routes.ts';
import { Message, MessageInput, MessagePatch, type MessageStatus } from '../../schema/message.ts';
import { buildMessage, inputOf } from './message-doc.ts';
import { assertSegmentsExist } from './segment-refs.ts';
import { siteOr404 } from './sites.ts';

/** Loads a message or answers 404. */
export async function messageOr404(deps: RouteDeps, id: string): Promise<Message> {
  const message = await deps.store.getMessage(id);
  if (message === null) throw new ApiError(404, 'not_found', 'message not found');
  return message;
}

type LifecycleAction = 'publish' | 'pause' | 'archive';

/** Which statuses each lifecycle action may start from. */
const transitions: Record<LifecycleAction, { to: MessageStatus; from: MessageStatus[] }> = {
  publish: { to: 'live', from: ['draft', 'paused', 'live'] },
  pause: { to: 'paused', from: ['live', 'paused'] },
  archive: { to: 'archived', from: ['draft', 'live', 'paused', 'archived'] },
};

const list = adminRoute('get', '/sites/{siteId}/messages', 'List a site’s messages', {
  request: { params: SiteIdParam },
  responses: { 200: json(z.object({ messages: z.array(Message) }), 'The site’s messages'), ...errors },
});
const create = adminRoute('post', '/sites/{siteId}/messages', 'Create a message (as a draft)', {
  request: { params: SiteIdParam, body: body(MessageInput) },
  responses: { 201: json(Message, 'The new draft'), ...errors },
});
const get = adminRoute('get', '/messages/{id}', 'One message', {
  request: { params: IdParam },
  responses: { 200: json(Message, 'The message'), ...errors },
});
const update = adminRoute('patch', '/messages/{id}', 'Change a message', {
  request: { params: IdParam, body: body(MessagePatch) },
  responses: { 200: json(Message, 'The changed message'), ...errors },
});
const remove = adminRoute('delete', '/messages/{id}', 'Delete a message and its events', {
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errors },
});
const lifecycle = <const A extends LifecycleAction>(action: A, summary: string) =>
  adminRoute('post', `/messages/{id}/${action}`, summary, {
    request: { params: IdParam },
    responses: { 200: json(Message, 'The message in its new status'), ...errors },
  });

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

  async function save(message: Message, created: boolean): Promise<Message> {
    if (created) await deps.store.createMessage(message);
    else await deps.store.updateMessage(message);
    deps.live.invalidate(message.siteId);
    return message;
  }

  /** Moves a message to an action's status, when its status allows that action. */
  const act =
    <A extends LifecycleAction>(action: A): RouteHandler<ReturnType<typeof lifecycle<A>>> =>
    async (c) => {
      const message = await messageOr404(deps, c.req.valid('param').id);
      const { to, from } = transitions[action];
      if (!from.includes(message.status)) {
        throw new ApiError(409, 'invalid_transition', `a ${message.status} message cannot ${action}`);
      }
      const now = deps.clock().toISOString();
      const publishedAt = to === 'live' ? (message.publishedAt ?? now) : message.publishedAt;
      return c.json(await save({ ...message, status: to, publishedAt, updatedAt: now }, false), 200);
    };

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
        status: 'draft' as const,
        createdAt: now,
        updatedAt: now,
        publishedAt: null,
      };
      return c.json(await save(buildMessage(input, base), true), 201);
    })
    .openapi(get, async (c) => c.json(await messageOr404(deps, c.req.valid('param').id), 200))
    .openapi(update, async (c) => {
      const message = await messageOr404(deps, c.req.valid('param').id);
      const patch = c.req.valid('json');
      const merged = MessageInput.safeParse({ ...inputOf(message), ...patch });
      if (!merged.success) throw invalid(merged.error, 'message');
      await assertRelease(message.siteId, merged.data.releaseId);
      const audience = { audience: merged.data.audience };
      await assertSegmentsExist(deps, message.siteId, audience, 'invalid_message', 'message');
      const { id, siteId, status, createdAt, publishedAt } = message;
      const base = { id, siteId, status, createdAt, publishedAt, updatedAt: deps.clock().toISOString() };
      return c.json(await save(buildMessage(merged.data, base), false), 200);
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
