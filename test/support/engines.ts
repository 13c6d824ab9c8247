import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { pgSchema } from './pg-schema.ts';

/**
 * Where a server process keeps its data, and a way to read, behind its back, the ids of the `track` events
 * named `name` it stored on a site: what a test that stops or kills the process checks.
 */
export type Engine = {
  url: string;
  storedIds(siteId: string, name: string): Promise<string[]>;
  drop(): Promise<void>;
};

const TRACKED_IDS = 'select id from events where site_id = $1 and name = $2';

/** A fresh SQLite file and a fresh PostgreSQL schema, by name, for `describe.each`. */
export const ENGINES: [string, () => Promise<Engine>][] = [
  [
    'SQLite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'herald-engine-'));
      const file = join(dir, 'h.db');
      return {
        url: `sqlite:${file}`,
        async storedIds(siteId, name) {
          const db = new Database(file, { readonly: true });
          const sql = TRACKED_IDS.replace('$1', '?').replace('$2', '?');
          const rows = db.prepare(sql).all(siteId, name) as { id: string }[];
          db.close();
          return rows.map((r) => r.id);
        },
        drop: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const db = await pgSchema();
      return {
        url: db.url,
        async storedIds(siteId, name) {
          const client = new Client({ connectionString: db.url });
          await client.connect();
          const { rows } = await client.query<{ id: string }>(TRACKED_IDS, [siteId, name]);
          await client.end();
          return rows.map((r) => r.id);
        },
        drop: db.drop,
      };
    },
  ],
];
