import { z } from 'zod';
import { summarize } from '../../core/results.ts';
import type { RouteDeps } from '../../deps.ts';
import { adminRoute, json, routeApp } from '../../http/routes.ts';
import { ResponseRow, Results } from '../../schema/results.ts';
import type { ResultsBy } from '../../store/store.ts';
import { messageOr404 } from './messages.ts';

const ResultsQuery = z.object({
  by: z
    .string()
    .regex(/^(phase|trait:[A-Za-z0-9_.-]{1,100})$/, 'by is `phase` or `trait:NAME`')
    .optional(),
});

const ResponsesQuery = z.object({
  format: z.enum(['json', 'csv']).default('json'),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

function parseBy(by: string | undefined): ResultsBy {
  if (by === undefined) return null;
  if (by === 'phase') return { kind: 'phase' };
  return { kind: 'trait', name: by.slice('trait:'.length) };
}

/** Quotes a CSV field when it holds a comma, quote or line break; neutralises spreadsheet formulas. */
export function csvField(value: unknown): string {
  let s =
    value === null || value === undefined
      ? ''
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Responses as CSV, one row each, traits as JSON in the last column. */
export function responsesCsv(rows: ResponseRow[]): string {
  const head = ['id', 'messageId', 'userId', 'anonymousId', 'value', 'text', 'at', 'traits'];
  const lines = rows.map((r) =>
    [r.id, r.messageId, r.userId, r.anonymousId, r.value, r.text, r.at, r.traits].map(csvField).join(','),
  );
  return `${[head.join(','), ...lines].join('\r\n')}\r\n`;
}

const results = adminRoute('get', '/messages/{id}/results', 'Results', {
  description: 'Optionally ?by=phase or ?by=trait:NAME',
  request: { query: ResultsQuery },
  responses: { 200: json(Results, 'Counts, rates, rating and NPS, overall or per group') },
});
const responses = adminRoute('get', '/messages/{id}/responses', 'Individual responses', {
  description: '?format=csv, ?q=search, ?limit, ?offset',
  request: { query: ResponsesQuery },
  responses: {
    200: {
      description: 'The responses, newest first: JSON, or CSV with `?format=csv`',
      content: {
        'application/json': { schema: z.object({ responses: z.array(ResponseRow) }) },
        'text/csv': { schema: z.string() },
      },
    },
  },
});

/** /api/messages/:id/results and /responses: what users did with a message, overall or broken down. */
export function resultRoutes(deps: RouteDeps) {
  return routeApp()
    .openapi(results, async (c) => {
      const message = await messageOr404(deps, c.req.valid('param').id);
      const { by } = c.req.valid('query');
      const counts = await deps.store.results(message.id, parseBy(by));
      const scale = message.survey?.scale;
      const body: Results = {
        ...summarize(counts.overall, scale),
        messageId: message.id,
        by: by ?? null,
        ...(by ? { groups: counts.groups.map((g) => ({ key: g.key, ...summarize(g.counts, scale) })) } : {}),
      };
      return c.json(body, 200);
    })
    .openapi(responses, async (c) => {
      const message = await messageOr404(deps, c.req.valid('param').id);
      const q = c.req.valid('query');
      const rows = await deps.store.responses(message.id, {
        limit: q.limit,
        offset: q.offset,
        ...(q.q ? { search: q.q } : {}),
      });
      if (q.format === 'json') return c.json({ responses: rows }, 200);
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', `attachment; filename="responses-${message.id}.csv"`);
      return c.body(responsesCsv(rows));
    });
}
