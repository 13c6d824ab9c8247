import { describe, expect, it } from 'vitest';
import type { Site } from '../schema/site.ts';
import { checkReceipt, RECEIPT_MAX_AGE_MS, secretsOf, signReceipt } from './receipts.ts';

const NOW = Date.parse('2026-11-26T10:00:00Z');
const claim = { siteId: 'site_1', userKey: 'u_1', messageId: 'msg_1', issuedAt: NOW, verified: true };
const expected = { siteId: 'site_1', userKeys: ['u_1'], messageId: 'msg_1', now: NOW };

describe('receipts', () => {
  it('checks a receipt for the user, message and site it was issued for, with its verified flag', async () => {
    const receipt = await signReceipt('sk_a', claim);
    expect(await checkReceipt(['sk_a'], receipt, expected)).toEqual({ userKey: 'u_1', verified: true });
    expect(await checkReceipt(['sk_a'], receipt, { ...expected, userKeys: [undefined, 'u_1'] })).toEqual({
      userKey: 'u_1',
      verified: true,
    });
  });

  it.each([
    ['another user', { userKeys: ['u_2'] }],
    ['another message', { messageId: 'msg_2' }],
    ['another site', { siteId: 'site_2' }],
    ['more than 30 days later', { now: NOW + RECEIPT_MAX_AGE_MS + 1000 }],
    ['an hour before it was issued', { now: NOW - 3_600_000 }],
  ])('refuses it for %s', async (_, change) => {
    const receipt = await signReceipt('sk_a', claim);
    expect(await checkReceipt(['sk_a'], receipt, { ...expected, ...change })).toBeNull();
  });

  it('refuses another secret, a changed flag and junk', async () => {
    const receipt = await signReceipt('sk_a', claim);
    expect(await checkReceipt(['sk_b'], receipt, expected)).toBeNull();
    expect(await checkReceipt(['sk_a'], receipt.replace('.1.', '.0.'), expected)).toBeNull();
    for (const junk of [undefined, '', 'abc', `${receipt}x`])
      expect(await checkReceipt(['sk_a'], junk, expected)).toBeNull();
  });

  it('accepts the previous secret only during its grace period', () => {
    const site = {
      secret: 'sk_new',
      previousSecret: 'sk_old',
      previousSecretUntil: '2026-11-27T00:00:00Z',
    } as Site;
    expect(secretsOf(site, new Date('2026-11-26T23:59:00Z'))).toEqual(['sk_new', 'sk_old']);
    expect(secretsOf(site, new Date('2026-11-27T00:00:01Z'))).toEqual(['sk_new']);
    expect(secretsOf({ secret: 'sk_new' } as Site, new Date(NOW))).toEqual(['sk_new']);
  });
});
