/** workerd's settings, as `wrangler.jsonc` gives them to the deployed Worker (tests and the bench). */
export const WORKER_RUNTIME = { compatibilityDate: '2026-04-26', compatibilityFlags: ['nodejs_compat'] };

/**
 * Miniflare's options for a built Worker bundle at `scriptPath` (its chunks beside it) with a local D1 as
 * `DB`, run as deployed; locally, with the placeholder `request.cf` instead of Cloudflare's fetched one.
 *
 * @example new Miniflare({ ...builtWorker(join(dir, 'worker.js')), bindings: { TEST_TOKEN } })
 */
export function builtWorker(scriptPath: string) {
  return {
    ...WORKER_RUNTIME,
    modules: true,
    scriptPath,
    modulesRules: [{ type: 'ESModule' as const, include: ['**/*.js'] }],
    d1Databases: ['DB'],
    cf: false,
  };
}
