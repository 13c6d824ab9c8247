import { z } from 'zod';
import { ErrorBody } from '../../schema/error.ts';
import { type Operation, operations } from './operations.ts';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });

function operationDoc(op: Operation) {
  const errors = {
    description: 'Error',
    content: { 'application/json': { schema: jsonSchema(ErrorBody, 'output') } },
  };
  return {
    summary: op.summary,
    tags: [op.tag],
    // A session cookie must come with its CSRF token on every request that is not a GET.
    ...(op.tag === 'admin' && op.auth !== false ? { security: [{ bearer: [] }, { session: [] }] } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(op.body, 'input') } },
          },
        }
      : {}),
    responses: {
      '200': {
        description: 'OK',
        ...(op.response
          ? { content: { 'application/json': { schema: jsonSchema(op.response, 'output') } } }
          : {}),
      },
      '4XX': errors,
    },
  };
}

/**
 * The OpenAPI 3 document, generated from the same zod schemas the routes parse with.
 * @example openApiDocument('http://localhost:8787').paths['/v1/decide'].post.summary
 */
export function openApiDocument(publicUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    paths[op.path] ??= {};
    (paths[op.path] as Record<string, unknown>)[op.method] = operationDoc(op);
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Herald API',
      version: '0.1.0',
      description: 'Release announcements that follow the rollout.',
    },
    servers: [{ url: publicUrl }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        session: { type: 'apiKey', in: 'cookie', name: 'herald_session' },
      },
    },
    paths,
  };
}
