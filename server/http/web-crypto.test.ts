import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../core/seeded-random.ts';
import { hmacBase64url } from './web-crypto.ts';

/** What `hmacBase64url` must equal: Node's own HMAC, cut to `bytes` and encoded. */
function reference(secret: string, text: string, bytes: number): string {
  return createHmac('sha256', secret).update(text).digest().subarray(0, bytes).toString('base64url');
}

const random = seededRandom(11);
const pick = (chars: string, length: number) =>
  Array.from({ length }, () => chars[Math.floor(random() * chars.length)]).join('');
const ASCII = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join('');
const WIDE = `${ASCII}éß中文😀\u0000\u00ff`;

describe('hmacBase64url', () => {
  it('gives the bytes of HMAC-SHA-256 for secrets of every length around the block, ASCII or not', () => {
    // 64 bytes is SHA-256's block: shorter keys are padded, longer ones hashed first (RFC 2104).
    for (const length of [0, 1, 20, 43, 63, 64, 65, 100]) {
      for (const chars of [ASCII, WIDE]) {
        const secret = pick(chars, length);
        for (const text of ['', 'unsubscribe:sub_1', pick(WIDE, 300)]) {
          expect(hmacBase64url(secret, text), `secret ${JSON.stringify(secret)}`).toBe(
            reference(secret, text, 32),
          );
        }
      }
    }
  });

  it('cuts to any number of bytes exactly as encoding those bytes alone would', () => {
    const secret = 'sk_bench_secret_bench_secret_bench_secret';
    for (let bytes = 1; bytes <= 32; bytes++) {
      for (let i = 0; i < 20; i++) {
        const text = `herald-receipt-1\nsite_1\n${pick(WIDE, 12)}\nmsg_${i}\nabc.0`;
        expect(hmacBase64url(secret, text, bytes)).toBe(reference(secret, text, bytes));
      }
    }
  });

  it('gives each call its own answer when calls with one secret follow each other', () => {
    // The fast path reuses one buffer per secret: a later call must not change an earlier answer.
    const first = hmacBase64url('sk_a', 'one');
    const second = hmacBase64url('sk_a', 'two');
    expect([first, second]).toEqual([reference('sk_a', 'one', 32), reference('sk_a', 'two', 32)]);
  });
});
