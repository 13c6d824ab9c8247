import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

/**
 * The few crypto helpers every token in Herald is made of (sessions, CSRF, receipts, digest links), in one
 * place so that each is written once. Web Crypto, except the HMAC (below), which Workers run through
 * `nodejs_compat` (`wrangler.jsonc`).
 */

const encoder = new TextEncoder();

/**
 * Bytes as base64url without padding: safe in URLs, cookies and JSON. `Buffer` (Node, and Workers through
 * `nodejs_compat`) encodes in native code: a receipt's 16 bytes in a fifth of the time of `btoa` over a
 * string built byte by byte, which a decide pays once per shown message.
 */
export function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

/** 32 random bytes, base64url: a session, CSRF or confirmation token. */
export function randomToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** SHA-256 as hex: how a token is stored, so a copy of the database grants nothing. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares two strings in time independent of where they differ, so a token cannot be guessed byte by byte. */
export function safeEqual(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

/**
 * HMAC-SHA-256 of `text` under `secret`, computed now. Node's `createHmac` rather than Web Crypto's
 * `sign`: that one is asynchronous and runs each call as a job on another thread, and with a receipt per
 * shown message those jobs were the largest cost of a decide (37% of the server's busy CPU time under
 * `npm run bench`); this is a few microseconds on the calling thread.
 *
 * @example base64url(hmacSha256(site.secret, 'unsubscribe:sub_1'))
 */
export function hmacSha256(secret: string, text: string): Uint8Array {
  return createHmac('sha256', keyOf(secret)).update(text).digest();
}

/** Secrets imported as keys once: a string key is imported again by every `createHmac` (a third of its cost). */
const keys = new Map<string, KeyObject>();
/** Sites have a secret or two each; past this many, the oldest imports are dropped (and made again if used). */
const MAX_KEYS = 10_000;

function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (key === undefined) {
    if (keys.size >= MAX_KEYS) keys.delete(keys.keys().next().value as string);
    key = createSecretKey(Buffer.from(secret));
    keys.set(secret, key);
  }
  return key;
}
