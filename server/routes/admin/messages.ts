import { Hono } from 'hono';
import type { RouteDeps } from '../../deps.ts';
import { parseBody } from '../../http/body.ts';
import { ApiError, invalid } from '../../http/errors.ts';
import { type Message, MessageInput, MessagePatch, type MessageStatus } from '../../schema/message.ts';
import { buildMessage, inputOf } from './message-doc.ts';
import { siteOr404 } from './sites.ts';

/** Loads a message or answers 404. */
export async function messageOr404(deps: RouteDeps, id: string): Promise<Message> {
  const message = await deps.store.getMessage(id);
  if (message === null) throw new ApiError(404, 'not_found', 'message not found');
  return message;
}

/** Which statuses each lifecycle action may start from. */
const transitions: Record<'publish' | 'pause' | 'archive', { to: MessageStatus; from: MessageStatus[] }> = {
  publish: { to: 'live', from: ['draft', 'paused', 'live'] },
  pause: { to: 'paused', from: ['live', 'paused'] },
  archive: { to: 'archived', from: ['draft', 'live', 'paused', 'archived'] },
};

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

  const app = new Hono()
    .get('/sites/:siteId/messages', async (c) => {
      const site = await siteOr404(deps, c.req.param('siteId'));
      return c.json({ messages: await deps.store.listMessages(site.id) });
    })
    .post('/sites/:siteId/messages', async (c) => {
      const site = await siteOr404(deps, c.req.param('siteId'));
      const input = await parseBody(c, MessageInput);
      await assertRelease(site.id, input.releaseId);
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
    .get('/messages/:id', async (c) => c.json(await messageOr404(deps, c.req.param('id'))))
    .patch('/messages/:id', async (c) => {
      const message = await messageOr404(deps, c.req.param('id'));
      const patch = await parseBody(c, MessagePatch);
      const merged = MessageInput.safeParse({ ...inputOf(message), ...patch });
      if (!merged.success) throw invalid(merged.error, 'message');
      await assertRelease(message.siteId, merged.data.releaseId);
      const { id, siteId, status, createdAt, publishedAt } = message;
      const base = { id, siteId, status, createdAt, publishedAt, updatedAt: deps.clock().toISOString() };
      return c.json(await save(buildMessage(merged.data, base), false));
    })
    .delete('/messages/:id', async (c) => {
      const message = await messageOr404(deps, c.req.param('id'));
      await deps.store.deleteMessage(message.id);
      deps.live.invalidate(message.siteId);
      return c.body(null, 204);
    });

  for (const action of ['publish', 'pause', 'archive'] as const) {
    app.post(`/messages/:id/${action}`, async (c) => {
      const message = await messageOr404(deps, c.req.param('id'));
      const { to, from } = transitions[action];
      if (!from.includes(message.status)) {
        throw new ApiError(409, 'invalid_transition', `a ${message.status} message cannot ${action}`);
      }
      const now = deps.clock().toISOString();
      const publishedAt = to === 'live' ? (message.publishedAt ?? now) : message.publishedAt;
      return c.json(await save({ ...message, status: to, publishedAt, updatedAt: now }, false));
    });
  }
  return app;
}
