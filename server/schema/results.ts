import { z } from 'zod';
import { Id, Timestamp, Traits } from './common.ts';

/** Rating summary: average over numeric responses, and how many gave each value. */
export const Rating = z.object({
  average: z.number().nullable(),
  count: z.number().int(),
  distribution: z.record(z.string(), z.number().int()),
});
export type Rating = z.infer<typeof Rating>;

/** Net promoter score: % promoters (9–10) minus % detractors (0–6), over NPS answers. */
export const Nps = z.object({
  score: z.number().nullable(),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
  count: z.number().int(),
});
export type Nps = z.infer<typeof Nps>;

/** How many of each event, and of the users behind them: what a summary and the stored counts share. */
const Tallies = z.object({
  impressions: z.number().int(),
  viewers: z.number().int(),
  clicks: z.number().int(),
  dismissals: z.number().int(),
  responses: z.number().int(),
  /** Viewers who clicked, counted once each: the click rate's numerator. */
  clickers: z.number().int(),
  /** Viewers who dismissed, counted once each: the dismiss rate's numerator. */
  dismissers: z.number().int(),
});

/** One message's results, overall or for one group of a breakdown. */
export const ResultsSummary = Tallies.extend({
  /** Every rate is over viewers (users who saw the message, once each), never over impressions. */
  clickRate: z.number().nullable(),
  dismissRate: z.number().nullable(),
  responseRate: z.number().nullable(),
  rating: Rating,
  nps: Nps.nullable(),
});
export type ResultsSummary = z.infer<typeof ResultsSummary>;

/** GET /api/messages/:id/results, with `groups` when `?by=` asks for a breakdown. */
export const Results = ResultsSummary.extend({
  messageId: Id,
  by: z.string().nullable(),
  groups: z.array(ResultsSummary.extend({ key: z.string().nullable() })).optional(),
});
export type Results = z.infer<typeof Results>;

/** The raw counts a store aggregates; core turns them into a summary. */
export const ResultsCounts = Tallies.extend({
  /** response value → count */
  values: z.record(z.string(), z.number().int()),
});
export type ResultsCounts = z.infer<typeof ResultsCounts>;

/** One response, as listed and exported. */
export const ResponseRow = z.object({
  id: Id,
  messageId: Id,
  userId: z.string().nullable(),
  anonymousId: z.string().nullable(),
  value: z.number().nullable(),
  text: z.string().nullable(),
  at: Timestamp,
  traits: Traits,
});
export type ResponseRow = z.infer<typeof ResponseRow>;
