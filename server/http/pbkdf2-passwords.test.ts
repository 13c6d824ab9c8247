import { describe, expect, it } from 'vitest';
import { nodePasswords } from '../node/passwords.ts';
import { EDGE_PBKDF2_ITERATIONS, pbkdf2Passwords } from './pbkdf2-passwords.ts';

const edge = pbkdf2Passwords();

describe('pbkdf2Passwords (the Worker’s hasher)', () => {
  it('hashes with a random salt at the most iterations Workers allow, and verifies only the right password', async () => {
    const [one, two] = await Promise.all([edge.hash('correct horse'), edge.hash('correct horse')]);
    expect(one.split('$').slice(0, 2)).toEqual(['pbkdf2-sha256', String(EDGE_PBKDF2_ITERATIONS)]);
    expect(one).not.toBe(two);
    expect(await Promise.all([edge.verify('correct horse', one), edge.verify('correct horsf', one)])).toEqual(
      [true, false],
    );
  });

  it('is verified by the Node server too, so a database moved from the edge keeps its accounts', async () => {
    const hash = await edge.hash('moved to node');
    const node = nodePasswords({ N: 2 ** 10, r: 8, p: 1 });
    expect(await node.verify('moved to node', hash)).toBe(true);
    expect(await node.verify('moved to nodes', hash)).toBe(false);
  });

  it.each([
    ['an scrypt hash, which Web Crypto cannot compute', 'scrypt$1024$8$1$c2FsdA==$a2V5'],
    ['a damaged salt', 'pbkdf2-sha256$1000$!!!$a2V5'],
    ['more iterations than Workers allow', `pbkdf2-sha256$${EDGE_PBKDF2_ITERATIONS + 1}$c2FsdA==$a2V5`],
    ['extra fields', 'pbkdf2-sha256$1000$c2FsdA==$a2V5$x'],
    ['an empty string', ''],
  ])('refuses %s without throwing', async (_what, stored) => {
    expect(await edge.verify('pw', stored)).toBe(false);
  });
});
