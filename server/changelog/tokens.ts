/**
 * The digest's tokens. A confirmation token is random and only its hash is stored; an unsubscribe token is
 * an HMAC of the subscriber id with the site secret, so every mail can carry one without storing it and
 * nobody can forge one for another subscriber.
 */

import { hmacBase64url, safeEqual } from '../http/web-crypto.ts';

/** The unsubscribe token of a subscriber. */
export function unsubscribeToken(secret: string, subscriberId: string): string {
  return hmacBase64url(secret, `unsubscribe:${subscriberId}`);
}

/** Whether `token` is the subscriber's unsubscribe token (compared in constant time). */
export function validUnsubscribeToken(secret: string, subscriberId: string, token: string): boolean {
  return safeEqual(unsubscribeToken(secret, subscriberId), token);
}
