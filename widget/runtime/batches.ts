import type { Event } from '../../server/schema/events.ts';

/**
 * Splits events into `POST /v1/events` bodies of at most 100 events and at most `maxBytes` bytes of UTF-8
 * JSON each (256 bytes are kept for the `{ site, events }` envelope). `sendBeacon` refuses bodies over
 * about 64 KB, and keepalive fetches share a 64 KB budget, so 32 KB keeps every send well inside.
 * An event too big on its own travels alone.
 */
export function toBatches(events: readonly Event[], maxBytes = 32_768): Event[][] {
  const batches: Event[][] = [];
  let batch: Event[] = [];
  let size = 256;
  for (const e of events) {
    const n = new Blob([JSON.stringify(e)]).size + 1; // UTF-8 bytes
    if (batch.length && (size + n > maxBytes || batch.length === 100)) {
      batches.push(batch);
      batch = [];
      size = 256;
    }
    batch.push(e);
    size += n;
  }
  if (batch.length) batches.push(batch);
  return batches;
}
