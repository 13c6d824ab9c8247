import { describe, expect, it } from 'vitest';
import type { Role } from '../schema/account.ts';
import { accessOf, permitted } from './permissions.ts';

/** [method, route, roles allowed] — every role not listed is denied. */
const table: [string, string, Role[]][] = [
  ['GET', '/api/sites', ['admin', 'editor', 'viewer']],
  ['POST', '/api/sites', ['admin']],
  ['PATCH', '/api/sites/:id', ['admin']],
  ['GET', '/api/sites/:siteId/messages', ['admin', 'editor', 'viewer']],
  ['POST', '/api/sites/:siteId/messages', ['admin', 'editor']],
  ['HEAD', '/api/messages/:id', ['admin', 'editor', 'viewer']],
  ['PATCH', '/api/messages/:id', ['admin', 'editor']],
  ['DELETE', '/api/messages/:id', ['admin', 'editor']],
  ['POST', '/api/messages/:id/publish', ['admin', 'editor']],
  ['POST', '/api/messages/:id/archive', ['admin', 'editor']],
  ['GET', '/api/messages/:id/results', ['admin', 'editor', 'viewer']],
  ['GET', '/api/messages/:id/responses', ['admin', 'editor', 'viewer']],
  ['POST', '/api/sites/:siteId/releases', ['admin', 'editor']],
  ['PATCH', '/api/releases/:id', ['admin', 'editor']],
  ['GET', '/api/sites/:siteId/segments', ['admin', 'editor', 'viewer']],
  ['PATCH', '/api/sites/:siteId/segments/:segmentId', ['admin', 'editor']],
  ['DELETE', '/api/sites/:siteId/segments/:segmentId', ['admin', 'editor']],
  ['POST', '/api/releases/:id/advance', ['admin', 'editor']],
  ['POST', '/api/releases/:id/rollback', ['admin', 'editor']],
  ['GET', '/api/releases/:id/report', ['admin', 'editor', 'viewer']],
  ['POST', '/api/sites/:siteId/preview', ['admin', 'editor', 'viewer']],
  ['POST', '/api/sites/:siteId/audience-estimate', ['admin', 'editor', 'viewer']],
  ['GET', '/api/sites/:siteId/users/:key', ['admin', 'editor', 'viewer']],
  ['GET', '/api/accounts', ['admin']],
  ['POST', '/api/accounts', ['admin']],
  ['PATCH', '/api/accounts/:id', ['admin']],
  ['GET', '/api/audit', ['admin']],
  ['GET', '/api/session', ['admin', 'editor', 'viewer']],
  ['DELETE', '/api/session', ['admin', 'editor', 'viewer']],
  ['PUT', '/api/something-new', ['admin']],
  ['GET', '/api/*', ['admin', 'editor', 'viewer']],
  ['GET', '/demo', []],
];

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
