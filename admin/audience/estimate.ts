import { signal } from '@preact/signals';
import type { Condition } from '../../server/schema/condition.ts';
import type { AudienceEstimate } from '../../server/schema/insights.ts';
import type { EstimateTarget, HeraldApi } from '../api/herald-api.ts';

/**
 * "About how many known users it reaches now": audience, rollout and release as decide checks them, asked a moment after the audience stops changing, so typing a
 * trait does not send a request per key. A late answer to an older audience is dropped.
 */
export function createEstimate(api: HeraldApi, waitMs = 600) {
  const result = signal<AudienceEstimate | null>(null);
  const error = signal<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  return {
    result,
    error,
    request(siteId: string, audience: Condition, target: EstimateTarget = {}) {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const mine = ++asked;
        try {
          const r = await api.preview.estimate(siteId, audience, target);
          if (mine === asked) [result.value, error.value] = [r, null];
        } catch {
          if (mine === asked) [result.value, error.value] = [null, 'The estimate is not available.'];
        }
      }, waitMs);
    },
    stop() {
      clearTimeout(timer);
    },
  };
}
