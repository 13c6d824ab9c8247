/**
 * The digest's tokens. A confirmation token is random and only its hash is stored; an unsubscribe token is
 * an HMAC of the subscriber id with the site secret, so every mail can carry one without storing it and
 * nobody can forge one for another subscriber. Web Crypto only, so this runs on Workers too.
 */

import { base64url, hmacKey } from '../http/web-crypto.ts';

const encoder = new TextEncoder();

const purpose = (subscriberId: string) => encoder.encode(`unsubscribe:${subscriberId}`);

/** The unsubscribe token of a subscriber. */
export async function unsubscribeToken(secret: string, subscriberId: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret), purpose(subscriberId));
  return base64url(new Uint8Array(mac));
}

/** Whether `token` is the subscriber's unsubscribe token (compared in constant time by Web Crypto). */
export async function validUnsubscribeToken(
  secret: string,
  subscriberId: string,
  token: string,
): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  const b64 = token.replace(/-/g, '+').replace(/_/g, '/');
  const mac = Uint8Array.from(atob(`${b64}=`), (c) => c.charCodeAt(0));
  return crypto.subtle.verify('HMAC', await hmacKey(secret), mac, purpose(subscriberId));
}
