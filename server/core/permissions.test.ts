import { describe, expect, it } from 'vitest';
import cases from '../../test/cases/permissions.json';
import type { Role } from '../schema/account.ts';
import { accessOf, permitted } from './permissions.ts';

/** Each route with the roles allowed to call it; every role not listed is denied. */
const table = (cases.cases as { method: string; route: string; allowed: Role[] }[]).map(
  (c) => [c.method, c.route, c.allowed] as const,
);

describe('permitted', () => {
  it.each(table)('%s %s is open to %j', (method, route, allowed) => {
    for (const role of ['admin', 'editor', 'viewer'] as const) {
      expect({ role, ok: permitted(role, method, route) }).toEqual({ role, ok: allowed.includes(role) });
    }
  });
});

describe('accessOf', () => {
  it.each([
    ['GET', '/api/messages/:id', 'read'],
    ['post', '/api/sites/:siteId/preview', 'read'],
    ['POST', '/api/sites/:siteId/messages', 'write'],
    ['DELETE', '/api/session', 'write'],
  ])('treats %s %s as %s', (method, route, access) => {
    expect(accessOf(method, route)).toBe(access);
  });
});
