import { DEFAULT_LIMITS, type LimitSettings } from './limits.ts';

/**
 * Per-minute limits from HERALD_LIMIT_ADDRESS_PER_MINUTE, HERALD_LIMIT_SITE_PER_MINUTE and
 * HERALD_LIMIT_NEW_USERS_PER_MINUTE (0 turns one off); unset ones keep DEFAULT_LIMITS. Shared by the Node
 * server (its environment) and the Worker (its `env` vars), so both read the same settings the same way.
 *
 * @example createApp({ ...deps, limits: limitsFromEnv(env) })
 */
export function limitsFromEnv(env: Record<string, unknown>): Partial<LimitSettings> {
  const perMinute = (name: string, fallback: LimitSettings[keyof LimitSettings]) => {
    const value = env[name];
    if (typeof value !== 'string' || value === '') return fallback;
    const max = Number(value);
    if (!Number.isInteger(max) || max < 0) throw new Error(`${name} must be a whole number, got ${value}`);
    return { max, windowMs: 60_000 };
  };
  return {
    perAddress: perMinute('HERALD_LIMIT_ADDRESS_PER_MINUTE', DEFAULT_LIMITS.perAddress),
    perSite: perMinute('HERALD_LIMIT_SITE_PER_MINUTE', DEFAULT_LIMITS.perSite),
    newAnonymousPerAddress: perMinute(
      'HERALD_LIMIT_NEW_USERS_PER_MINUTE',
      DEFAULT_LIMITS.newAnonymousPerAddress,
    ),
  };
}
