import type { Site } from '../schema/site.ts';
import { hmacBase64url, safeEqual } from './web-crypto.ts';

/** How long a receipt counts: an event may wait this long in an offline widget's queue. */
export const RECEIPT_MAX_AGE_MS = 30 * 24 * 3_600_000;
/** How long a rotated-out site secret still signs in: every receipt and token issued before keeps working. */
export const SECRET_GRACE_MS = 7 * 24 * 3_600_000;
/** A receipt may claim to be this far in the future (another instance's clock). */
const SKEW_MS = 5 * 60_000;

/**
 * What a receipt vouches for: this site served this message (or, with `messageId` `''`, a decide answer) to
 * this user, at `issuedAt` (ms), and whether the user was proved by an identity token (`verified`).
 */
export type ReceiptClaim = {
  siteId: string;
  userKey: string;
  messageId: string;
  issuedAt: number;
  verified: boolean;
};

/** What a valid receipt proves about an event's user. */
export type ReceiptCheck = { userKey: string; verified: boolean };

const SHAPE = /^([0-9a-z]{1,9})\.([01])\.([A-Za-z0-9_-]{22})$/;
/** The first 128 bits of the HMAC, base64url: enough against forgery, short in every event. */
function mac(secret: string, claim: ReceiptClaim, head: string): string {
  // Newline-separated: no field can hold a newline that would shift the others (ids and keys are checked).
  const text = ['herald-receipt-1', claim.siteId, claim.userKey, claim.messageId, head].join('\n');
  return hmacBase64url(secret, text, 16);
}

/**
 * Signs a receipt: `<issued, seconds base36>.<verified 0|1>.<mac>`. Stateless, so any instance (and later
 * the edge) checks it with the site secret alone.
 *
 * @example signReceipt(site.secret, { siteId, userKey: 'u_42', messageId, issuedAt: now, verified: false })
 */
export function signReceipt(secret: string, claim: ReceiptClaim): string {
  const head = `${Math.floor(claim.issuedAt / 1000).toString(36)}.${claim.verified ? 1 : 0}`;
  return `${head}.${mac(secret, claim, head)}`;
}

/**
 * Checks a receipt for one message (`''`: the decide answer) against the user keys an event names (its id,
 * then its anonymous id) and every secret still valid. Null for anything forged, tampered, expired, issued
 * to another user, message or site; else the key the receipt was issued to.
 */
export function checkReceipt(
  secrets: readonly string[],
  receipt: string | undefined,
  expected: { siteId: string; userKeys: readonly (string | undefined)[]; messageId: string; now: number },
): ReceiptCheck | null {
  const parts = receipt === undefined ? null : SHAPE.exec(receipt);
  if (parts === null) return null;
  const [, issued = '', flag, sig = ''] = parts;
  const issuedAt = Number.parseInt(issued, 36) * 1000;
  if (issuedAt > expected.now + SKEW_MS || expected.now - issuedAt > RECEIPT_MAX_AGE_MS) return null;
  for (const userKey of expected.userKeys) {
    if (userKey === undefined) continue;
    const claim = {
      siteId: expected.siteId,
      userKey,
      messageId: expected.messageId,
      issuedAt,
      verified: flag === '1',
    };
    for (const secret of secrets) {
      if (safeEqual(mac(secret, claim, `${issued}.${flag}`), sig))
        return { userKey, verified: claim.verified };
    }
  }
  return null;
}

/** The secrets a site accepts at `now`: its own, and the one it rotated out while in its grace period. */
export function secretsOf(site: Site, now: Date): string[] {
  const previous = site.previousSecret;
  const until = site.previousSecretUntil;
  return previous && until && Date.parse(until) > now.getTime() ? [site.secret, previous] : [site.secret];
}

/**
 * Signs this user's receipts at `now` with the site's current secret: `sign(messageId)`, or `sign('')` for
 * the decide answer itself.
 *
 * @example const sign = receiptSigner(site, user, now); message.receipt = sign(message.id)
 */
export function receiptSigner(
  site: Site,
  user: { key: string; verified: boolean },
  now: Date,
): (messageId: string) => string {
  return (messageId) =>
    signReceipt(site.secret, {
      siteId: site.id,
      userKey: user.key,
      messageId,
      issuedAt: now.getTime(),
      verified: user.verified,
    });
}
