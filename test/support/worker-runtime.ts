/** workerd's settings, as `wrangler.jsonc` gives them to the deployed Worker (tests and the bench). */
export const WORKER_RUNTIME = { compatibilityDate: '2026-04-26', compatibilityFlags: ['nodejs_compat'] };
