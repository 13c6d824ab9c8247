import { signal } from '@preact/signals';
import type { UserLookup } from '../../server/schema/insights.ts';
import { ApiError } from '../api/client.ts';
import type { HeraldApi } from '../api/herald-api.ts';
import { problemOf } from '../forms/form-errors.ts';

/**
 * Support's "why don't I have it yet?": one user by id or anonymous id — traits, releases, messages.
 *
 * @example const users = createUserLookup(api, 'site_1'); await users.lookup('u_42');
 */
export function createUserLookup(api: HeraldApi, siteId: string) {
  const key = signal('');
  const user = signal<UserLookup | null>(null);
  const problem = signal<string | null>(null);
  const busy = signal(false);
  return {
    key,
    user,
    problem,
    busy,
    async lookup(k: string) {
      key.value = k.trim();
      if (!key.value) return;
      busy.value = true;
      try {
        user.value = await api.users.lookup(siteId, key.value);
        problem.value = null;
      } catch (e) {
        user.value = null;
        problem.value =
          e instanceof ApiError && e.status === 404
            ? `This site has never seen a user with the id or anonymous id “${key.value}”.`
            : problemOf(e).message;
      } finally {
        busy.value = false;
      }
    },
  };
}
