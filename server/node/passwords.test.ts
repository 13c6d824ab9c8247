import { describe, expect, it } from 'vitest';
import { nodePasswords, OWASP_SCRYPT } from './passwords.ts';

const passwords = nodePasswords();

describe('nodePasswords', () => {
  it('hashes at OWASP’s cost with a random salt, and verifies only the right password', async () => {
    const [one, two] = await Promise.all([
      passwords.hash('correct horse battery staple'),
      passwords.hash('correct horse battery staple'),
    ]);
    const [scheme, n, r, p, salt, key] = one.split('$');
    expect([scheme, Number(n), Number(r), Number(p)]).toEqual(['scrypt', OWASP_SCRYPT.N, 8, 1]);
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(64);
    expect(one).not.toBe(two);
    expect(
      await Promise.all([
        passwords.verify('correct horse battery staple', one),
        passwords.verify('correct horse battery stapler', one),
      ]),
    ).toEqual([true, false]);
  });

  it('verifies a hash made at another cost, so the cost can be raised later', async () => {
    const old = await nodePasswords({ N: 2 ** 10, r: 8, p: 1 }).hash('an older password');
    expect(await passwords.verify('an older password', old)).toBe(true);
  });

  it.each([
    ['another scheme', 'bcrypt$2b$10$abc'],
    ['a malformed string', 'scrypt$nope'],
    ['an absurd cost', `scrypt$${2 ** 30}$8$1$c2FsdA==$${Buffer.alloc(64).toString('base64')}`],
    ['a short key', 'scrypt$1024$8$1$c2FsdA==$aGFzaA=='],
  ])('answers false, without throwing, for %s', async (_name, stored) => {
    expect(await passwords.verify('whatever', stored)).toBe(false);
  });
});
