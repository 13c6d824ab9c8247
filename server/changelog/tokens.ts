/**
 * The digest's tokens. A confirmation token is random and only its hash is stored; an unsubscribe token is
 * an HMAC of the subscriber id with the site secret, so every mail can carry one without storing it and
 * nobody can forge one for another subscriber. Web Crypto only, so this runs on Workers too.
 */

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 256 random bits, URL-safe. */
export function randomToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** SHA-256 of a token, hex: what the store keeps instead of the token. */
export async function tokenHash(token: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(token)));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
}

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
