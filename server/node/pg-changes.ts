import pg from 'pg';
import type { ChangeFeed } from '../deps.ts';

/** The channel every Herald instance on one database listens to; the payload is a site id. */
const CHANNEL = 'herald_site_changed';

/**
 * Cache invalidation across instances with PostgreSQL LISTEN/NOTIFY: each instance keeps live messages in
 * memory, and a change made through any of them reaches the others within milliseconds. A lost listening
 * connection reconnects and then drops every cached site, since notices may have been missed meanwhile.
 *
 * @example const changes = await pgChanges(url, log); createApp({ …, changes });
 */
export async function pgChanges(url: string, log: (message: string, detail?: unknown) => void) {
  const listeners: ((siteId: string) => void)[] = [];
  const publisher = new pg.Pool({ connectionString: url, max: 2 });
  publisher.on('error', () => {});
  let listener: pg.Client | null = null;
  let closed = false;

  async function listen(): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload) for (const l of listeners) l(n.payload);
    });
    client.on('error', (err) => {
      log('change feed connection lost; reconnecting', err);
      listener = null;
      if (!closed) setTimeout(() => reconnect(), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    listener = client;
  }

  async function reconnect(): Promise<void> {
    try {
      await listen();
      for (const l of listeners) l('*');
    } catch (err) {
      log('change feed reconnect failed', err);
      if (!closed) setTimeout(() => reconnect(), 5000);
    }
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
    async close() {
      closed = true;
      await listener?.end();
      await publisher.end();
    },
  };
  return feed;
}
