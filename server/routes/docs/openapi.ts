import type { OpenAPIHono } from '@hono/zod-openapi';
import { legacyPaths } from './operations.ts';

/** The OpenAPI document as `/openapi.json` serves it. */
export type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPIDocument']>;

/**
 * The OpenAPI 3 document, generated from the route declarations (`route(…)` with the zod schemas the
 * routes validate with), so it lists exactly what the app serves.
 * @example openApiDocument(app, 'http://localhost:8787').paths['/v1/decide']?.post?.summary
 */
export function openApiDocument(app: OpenAPIHono, publicUrl: string): OpenApiDocument {
  const registry = app.openAPIRegistry;
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  // A session cookie must come with its CSRF token (`x-csrf-token`) on every request that is not a GET.
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'herald_session',
  });
  const doc = app.getOpenAPIDocument({
    openapi: '3.0.3',
    info: {
      title: 'Herald API',
      version: '0.1.0',
      description: 'Release announcements that follow the rollout.',
    },
    servers: [{ url: publicUrl }],
  });
  const paths: OpenApiDocument['paths'] = legacyPaths();
  for (const [path, item] of Object.entries(doc.paths)) paths[path] = { ...paths[path], ...item };
  return { ...doc, paths };
}
