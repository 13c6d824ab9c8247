import type { Context, MiddlewareHandler } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import { CONFIRM_FOR_MS } from '../../changelog/digest.ts';
import { confirmationMail } from '../../changelog/mails.ts';
import { validUnsubscribeToken } from '../../changelog/tokens.ts';
import type { RouteDeps } from '../../deps.ts';
import { ApiError, invalid, onError } from '../../http/errors.ts';
import { tooMany } from '../../http/limits.ts';
import { json, route, routeApp, text } from '../../http/routes.ts';
import { pageHeaders } from '../../http/security-headers.ts';
import { randomToken, sha256Hex } from '../../http/web-crypto.ts';
import { SubscribeRequest } from '../../schema/changelog.ts';
import { type Changelog, loadChangelog } from './load.ts';
import { CHANGELOG_CSP, noticePage } from './page-html.ts';

const HOUR = 3_600_000;
/** Subscribe requests per client address, and confirmation mails per address asked for (no mail bombing). */
const PER_CLIENT = { max: 10, windowMs: HOUR };
const MAILS_PER_EMAIL = { max: 3, windowMs: 24 * HOUR };

const wantsJson = (c: Context) => (c.req.header('content-type') ?? '').startsWith('application/json');

/** Reads the address from a form post or a JSON body; a bad one is a 400 naming the field. */
async function readEmail(c: Context): Promise<string> {
  let raw: unknown;
  try {
    raw = wantsJson(c) ? await c.req.json() : await c.req.parseBody();
  } catch {
    throw new ApiError(400, 'invalid_body', 'expected a form or a JSON body with an email');
  }
  const parsed = SubscribeRequest.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error, 'body');
  return parsed.data.email.trim().toLowerCase();
}

/** Sends without making the request wait, so a reply takes as long whether or not a mail went out. */
function sendLater(c: Context, deps: RouteDeps, sending: Promise<void>): void {
  const done = sending.catch((err) => deps.log('confirmation mail failed', err));
  try {
    c.executionCtx.waitUntil(done);
  } catch {
    // Node has no execution context: the promise runs on by itself.
  }
}

const Token = z.object({ token: z.string().optional() });
const Unsubscribe = z.object({ id: z.string().optional(), token: z.string().optional() });
const Sent = z.object({ status: z.literal('confirmation_sent'), message: z.string() });
const page = text('text/html', z.string(), 'A page of the changelog saying what happened');

/** A public page behind a mailed link, or the POST of its one button. */
const linked = <const M extends 'get' | 'post', const P extends string>(
  method: M,
  path: P,
  summary: string,
  query: typeof Token | typeof Unsubscribe,
) =>
  route(method, path, summary, {
    tags: ['public'],
    request: { query },
    responses: { 200: page },
  });
const subscribe = route('post', '/{slug}/subscribe', 'Ask for the email digest', {
  description: 'A form or JSON); a confirmation mail follows (double opt-in',
  tags: ['public'],
  request: {
    // Optional for the library, so that a form post or JSON is each checked by its own validator.
    body: {
      required: false,
      content: {
        'application/json': { schema: SubscribeRequest },
        'application/x-www-form-urlencoded': { schema: SubscribeRequest },
      },
    },
  },
  responses: {
    202: {
      ...json(Sent, 'A confirmation mail is on its way'),
      ...text('text/html', z.string(), 'The same, as a page'),
    },
  },
});

/**
 * The email digest's public side: subscribe (double opt-in), confirm, and one-click unsubscribe (RFC 8058).
 * Links from mails show a page with one button; only its POST changes anything, because mail scanners
 * open links. The answer to a subscribe is the same whether the address is new, pending or confirmed.
 */
export function subscribeRoutes(deps: RouteDeps) {
  const asJson = onError(deps.log);
  // Pages behind mailed links carry tokens: never cached, no scripts.
  const changelogOf: MiddlewareHandler<{ Variables: { changelog: Changelog } }> = async (c, next) => {
    c.set('changelog', await loadChangelog(deps, c, c.req.param('slug') ?? ''));
    await next();
    c.header('Cache-Control', 'no-store');
    for (const [name, value] of Object.entries(pageHeaders(CHANGELOG_CSP))) c.header(name, value);
  };
  const app = routeApp<{ Variables: { changelog: Changelog } }>();
  app.onError((err, c) => {
    // A person who sent the form reads the problem on a page of the changelog; scripts get the JSON body.
    const log = c.get('changelog');
    if (!(err instanceof ApiError) || wantsJson(c) || log === undefined) return asJson(err, c);
    return c.html(noticePage(log, log.words.notDone, err.message), err.status);
  });
  for (const path of ['/:slug/subscribe', '/:slug/confirm', '/:slug/unsubscribe']) app.use(path, changelogOf);
  return app
    .openapi(subscribe, async (c) => {
      const log = c.get('changelog');
      if (!log.digest) throw new ApiError(409, 'digest_unavailable', 'this changelog sends no email digest');
      const now = deps.clock();
      const address = deps.clientIp?.(c);
      if (address !== undefined) {
        const { waitMs } = await deps.limiter.take(
          `changelog:subscribe:${address}`,
          PER_CLIENT,
          now.getTime(),
        );
        if (waitMs > 0) throw tooMany(c, waitMs, 'rate_limited', 'too many subscribe requests; try later');
      }
      const email = await readEmail(c);
      const perEmail = `changelog:mail:${log.site.id}:${email}`;
      const { waitMs } = await deps.limiter.take(perEmail, MAILS_PER_EMAIL, now.getTime());
      const token = randomToken();
      const outcome =
        waitMs > 0
          ? 'limited'
          : await deps.store.subscribe({
              id: deps.ids('sub', 24),
              siteId: log.site.id,
              email,
              confirmHash: await sha256Hex(token),
              at: now.toISOString(),
            });
      if (outcome === 'created' || outcome === 'pending') {
        const confirmUrl = `${log.url}/confirm?token=${token}`;
        const context = { siteName: log.site.name, changelogUrl: log.url, base: log.base };
        sendLater(
          c,
          deps,
          confirmationMail(context, email, confirmUrl).then((m) => deps.mailer?.send(m)),
        );
      }
      if (wantsJson(c)) return c.json({ status: 'confirmation_sent', message: log.words.mailSent }, 202);
      return c.html(noticePage(log, log.words.inbox, log.words.mailSent), 202);
    })
    .openapi(linked('get', '/{slug}/confirm', 'The confirmation page: one button', Token), async (c) => {
      const log = c.get('changelog');
      const token = encodeURIComponent(c.req.query('token') ?? '');
      const form = html`<form method="post" action="${log.path}/confirm?token=${token}">
<button type="submit">${log.words.confirm}</button></form>`;
      return c.html(noticePage(log, log.words.confirmTitle, log.words.confirmText, form));
    })
    .openapi(linked('post', '/{slug}/confirm', 'Confirm a subscription', Token), async (c) => {
      const log = c.get('changelog');
      const token = c.req.query('token') ?? '';
      const now = deps.clock();
      const since = new Date(now.getTime() - CONFIRM_FOR_MS).toISOString();
      const confirmed =
        token.length > 0 &&
        (await deps.store.confirmSubscriber(log.site.id, await sha256Hex(token), since, now.toISOString()));
      if (!confirmed)
        throw new ApiError(400, 'invalid_token', 'this confirmation link has expired or was used');
      return c.html(noticePage(log, log.words.subscribed, log.words.subscribedText));
    })
    .openapi(
      linked('get', '/{slug}/unsubscribe', 'The unsubscribe page: one button', Unsubscribe),
      async (c) => {
        const log = c.get('changelog');
        const id = encodeURIComponent(c.req.query('id') ?? '');
        const action = `${log.path}/unsubscribe?id=${id}&token=${encodeURIComponent(c.req.query('token') ?? '')}`;
        const form = html`<form method="post" action="${action}"><button type="submit">${log.words.unsubscribe}</button></form>`;
        return c.html(noticePage(log, log.words.unsubscribeTitle, log.words.unsubscribeText, form));
      },
    )
    .openapi(
      linked('post', '/{slug}/unsubscribe', 'Unsubscribe (also RFC 8058 one-click)', Unsubscribe),
      async (c) => {
        const log = c.get('changelog');
        const id = c.req.query('id') ?? '';
        if (!validUnsubscribeToken(log.site.secret, id, c.req.query('token') ?? ''))
          throw new ApiError(400, 'invalid_token', 'this unsubscribe link is not valid');
        // Idempotent: a second click (or the mail client's one-click POST after the page's) is fine too.
        await deps.store.unsubscribe(log.site.id, id);
        return c.html(noticePage(log, log.words.unsubscribed, log.words.unsubscribedText));
      },
    );
}
