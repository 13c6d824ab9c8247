import { describe, expect, it } from 'vitest';
import { matchRoute } from './router.ts';

describe('routes', () => {
  it.each([
    ['/', 'home', {}],
    ['/sites', 'sites', {}],
    ['/sites/site_1/messages', 'messages', { siteId: 'site_1' }],
    ['/sites/site_1/messages/new', 'message-new', { siteId: 'site_1' }],
    ['/messages/msg_1', 'message', { messageId: 'msg_1' }],
    ['/messages/msg_1/results', 'results', { messageId: 'msg_1' }],
    ['/sites/site_1/users', 'users', { siteId: 'site_1' }],
    ['/sites/site_1/releases', 'releases', { siteId: 'site_1' }],
    ['/sites/site_1/releases/new', 'release-new', { siteId: 'site_1' }],
    ['/releases/rel_1', 'release', { releaseId: 'rel_1' }],
    ['/releases/rel_1/edit', 'release-edit', { releaseId: 'rel_1' }],
    ['/audit', 'audit', {}],
    ['/nowhere/at/all', 'not-found', {}],
  ])('%s is the %s page', (path, name, params) => {
    expect(matchRoute(path)).toEqual({ name, params });
  });
});
