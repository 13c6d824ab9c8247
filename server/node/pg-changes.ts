import pg from 'pg';
import type { ChangeFeed } from '../deps.ts';

/** The channel every Herald instance on one database listens to; the payload is a site id. */
const CHANNEL = 'herald_site_changed';
/** Users whose state changed; the payload is `[siteId, [userKey, …]]` as JSON, under NOTIFY's 8,000 bytes. */
const USERS = 'herald_users_changed';
const maxPayload = 7000;

/**
 * Cache invalidation across instances with PostgreSQL LISTEN/NOTIFY: each instance keeps live messages in
 * memory, and a change made through any of them reaches the others within milliseconds. A lost listening
 * connection reconnects and then drops every cached site, since notices may have been missed meanwhile.
 *
 * @example const changes = await pgChanges(url, log); createApp({ …, changes });
 */
export async function pgChanges(url: string, log: (message: string, detail?: unknown) => void) {
  const listeners: ((siteId: string) => void)[] = [];
  const userListeners: ((siteId: string, userKeys: string[]) => void)[] = [];
  const publisher = new pg.Pool({ connectionString: url, max: 2 });
  publisher.on('error', () => {});
  let listener: pg.Client | null = null;
  let closed = false;

  async function listen(): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload) for (const l of listeners) l(n.payload);
      if (n.channel === USERS && n.payload) {
        const [siteId, userKeys] = JSON.parse(n.payload) as [string, string[]];
        for (const l of userListeners) l(siteId, userKeys);
      }
    });
    client.on('error', (err) => {
      log('change feed connection lost; reconnecting', err);
      listener = null;
      if (!closed) setTimeout(() => reconnect(), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    await client.query(`LISTEN ${USERS}`);
    listener = client;
  }

  async function reconnect(): Promise<void> {
    try {
      await listen();
      for (const l of listeners) l('*');
      for (const l of userListeners) l('*', []);
    } catch (err) {
      log('change feed reconnect failed', err);
      if (!closed) setTimeout(() => reconnect(), 5000);
    }
  }

  /** Users changed since the last notice, by site: sent together on the next turn (`sendUsers`). */
  const pendingUsers = new Map<string, Set<string>>();
  let usersScheduled = false;
  /** The last notice sent, so that closing waits for it. */
  let usersSent: Promise<unknown> = Promise.resolve();
  function sendUsers(): void {
    usersScheduled = false;
    const payloads = [...pendingUsers].flatMap(([siteId, keys]) => userPayloads(siteId, [...keys]));
    pendingUsers.clear();
    if (payloads.length === 0) return;
    usersSent = publisher
      .query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [USERS, payloads])
      .catch((err) => log('user change notice failed', err));
  }

  await listen();
  const feed: ChangeFeed & { close(): Promise<void> } = {
    publish(siteId) {
      publisher
        .query('SELECT pg_notify($1, $2)', [CHANNEL, siteId])
        .catch((err) => log('change notice failed', err));
    },
    subscribe(l) {
      listeners.push(l);
    },
    publishUsers(siteId, userKeys) {
      // Gathered until the event loop's next turn, then sent in one statement: a group commit answers many
      // requests at once, and a NOTIFY (a transaction) per request cost PostgreSQL a round trip each.
      const keys = pendingUsers.get(siteId) ?? new Set<string>();
      for (const key of userKeys) keys.add(key);
      pendingUsers.set(siteId, keys);
      if (!usersScheduled) setImmediate(sendUsers);
      usersScheduled = true;
    },
    subscribeUsers(l) {
      userListeners.push(l);
    },
    async close() {
      closed = true;
      sendUsers();
      await usersSent;
      await listener?.end();
      await publisher.end();
    },
  };
  return feed;
}

/** `[siteId, keys]` payloads, as many as it takes to keep each under NOTIFY's size limit. */
function userPayloads(siteId: string, userKeys: string[]): string[] {
  const payloads: string[] = [];
  let chunk: string[] = [];
  let size = siteId.length + 10;
  for (const key of userKeys) {
    if (chunk.length > 0 && size + key.length + 3 > maxPayload) {
      payloads.push(JSON.stringify([siteId, chunk]));
      chunk = [];
      size = siteId.length + 10;
    }
    chunk.push(key);
    size += JSON.stringify(key).length + 1;
  }
  payloads.push(JSON.stringify([siteId, chunk]));
  return payloads;
}
