import type { Kysely } from 'kysely';
import { Segment } from '../schema/segment.ts';
import { fromDoc, insertNew } from './rows.ts';
import type { SegmentStore } from './store.ts';
import type { SegmentsTable, Tables } from './tables.ts';

function segmentRow(segment: Segment): SegmentsTable {
  return {
    id: segment.id,
    site_id: segment.siteId,
    name: segment.name,
    updated_at: segment.updatedAt,
    doc: JSON.stringify(segment),
  };
}

/** A site's saved segments (part of `Store`), listed by name. */
export function segmentQueries(db: Kysely<Tables>): SegmentStore {
  return {
    createSegment: (segment) => insertNew(db, 'segments', segmentRow(segment)),
    async getSegment(id) {
      const row = await db.selectFrom('segments').select('doc').where('id', '=', id).executeTakeFirst();
      return row === undefined ? null : fromDoc(Segment, row);
    },
    async listSegments(siteId) {
      const rows = await db.selectFrom('segments').select('doc').where('site_id', '=', siteId).execute();
      return rows.map((r) => fromDoc(Segment, r)).sort((a, b) => a.name.localeCompare(b.name));
    },
    async updateSegment(segment) {
      const { id, ...row } = segmentRow(segment);
      await db.updateTable('segments').set(row).where('id', '=', id).execute();
    },
    async deleteSegment(id) {
      const { numDeletedRows } = await db.deleteFrom('segments').where('id', '=', id).executeTakeFirst();
      return numDeletedRows > 0n;
    },
  };
}
