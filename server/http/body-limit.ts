import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.ts';

/** How much of an oversized body is read and thrown away so its sender can read our 413. */
const DRAIN_BYTES = 16 * 1024 * 1024;

/** Reads and discards the rest of a body, up to `budget` bytes; false when it had more than that. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, budget: number): Promise<boolean> {
  for (let left = budget; ; ) {
    const { done, value } = await reader.read();
    if (done) return true;
    left -= value.length;
    if (left < 0) {
      await reader.cancel();
      return false;
    }
  }
}

/**
 * Refuses bodies over `maxSize` bytes with a 413 the client can read. Hono's own `bodyLimit` answers
 * without reading the body; the client, still sending, then often sees a reset connection (EPIPE)
 * instead of the answer (issue 9: a 3 MB body to /v1/decide). So the rest of the body is read and
 * discarded first — up to 16 MB; a bigger one is cut off, as it must be — and the connection is closed
 * after the answer.
 *
 * @example app.use('/v1/*', bodyLimit(256 * 1024))
 */
export function bodyLimit(maxSize: number): MiddlewareHandler {
  const tooLarge = () => new ApiError(413, 'payload_too_large', `the body is larger than ${maxSize} bytes`);
  return async function limitBody(c, next) {
    const declared = c.req.header('content-length');
    const chunked = c.req.header('transfer-encoding') !== undefined;
    // A declared length is enforced by the HTTP parser, so a small one needs no counting. Checked before
    // touching `body`: on Node that turns the request into a web stream, a large part of a decide's cost.
    if (declared !== undefined && !chunked && Number(declared) <= maxSize) {
      await next();
      // An early answer (401, 415, 429) leaves the body unread; the Node adapter would drain it behind
      // the answer with a 500 ms cut-off and then reset the connection, failing the client's next
      // request on it (found by fuzzing under load). Reading it here is rare: handlers read their body.
      if (!c.req.raw.bodyUsed) await c.req.raw.arrayBuffer().catch(() => {});
      return;
    }
    const body = c.req.raw.body;
    if (body === null) return next();

    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxSize) {
        await drain(reader, DRAIN_BYTES - size);
        c.header('connection', 'close');
        throw tooLarge();
      }
      chunks.push(value);
    }
    c.req.raw = new Request(c.req.raw, { body: new Blob(chunks as BlobPart[]) });
    return next();
  };
}
