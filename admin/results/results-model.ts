import { signal } from '@preact/signals';
import type { TimeSeries } from '../../server/schema/insights.ts';
import type { Message } from '../../server/schema/message.ts';
import type { ResponseRow, Results } from '../../server/schema/results.ts';
import type { HeraldApi } from '../api/herald-api.ts';
import { createLive } from '../app/poller.ts';
import { firstProblem, loadInto, problemOf } from '../forms/form-errors.ts';
import { createTraitChoice } from './trait-choice.ts';

/** Responses per page of the list. */
export const PAGE = 20;

/**
 * One message's results: the summary, a breakdown by a trait, activity over time and the responses
 * (searchable, paged), all refreshed every 5 s while the page is visible. Each part fails on its own.
 *
 * @example const r = createResults(api, 'msg_1'); await r.load(); r.start(); r.setBy('city');
 */
export function createResults(api: HeraldApi, messageId: string) {
  const message = signal<Message | null>(null);
  const summary = signal<Results | null>(null);
  const breakdown = signal<Results | null>(null);
  const bucket = signal<'hour' | 'day'>('day');
  const days = signal(14);
  const series = signal<TimeSeries | null>(null);
  const q = signal('');
  const offset = signal(0);
  const responses = signal<ResponseRow[] | null>(null);
  const error = signal<string | null>(null);

  const loadSummary = async () => {
    summary.value = await api.results.summary(messageId);
  };
  const loadBreakdown = async () => {
    const by = trait.by.value;
    breakdown.value = by ? await api.results.summary(messageId, `trait:${by}`) : null;
  };
  const trait = createTraitChoice(loadBreakdown);
  const loadSeries = async () => {
    series.value = await api.results.timeseries(messageId, bucket.value, days.value);
  };
  const loadResponses = async () => {
    responses.value = await api.results.responses(messageId, {
      q: q.value,
      limit: PAGE,
      offset: offset.value,
    });
  };

  const live = createLive(async () => {
    error.value = await firstProblem([loadSummary(), loadBreakdown(), loadSeries(), loadResponses()]);
  });

  return {
    message,
    summary,
    ...trait,
    breakdown,
    bucket,
    days,
    series,
    q,
    offset,
    responses,
    error,
    /** The message (name, kind, scale) first; then polling takes over. */
    async load() {
      await loadInto(message, () => api.messages.get(messageId), error);
    },
    ...live,
    async setSeries(b: 'hour' | 'day', d: number) {
      [bucket.value, days.value] = [b, d];
      await loadSeries().catch((e) => (error.value = problemOf(e).message));
    },
    async search(text: string) {
      [q.value, offset.value] = [text.trim(), 0];
      await loadResponses().catch((e) => (error.value = problemOf(e).message));
    },
    async page(step: 1 | -1) {
      offset.value = Math.max(0, offset.value + step * PAGE);
      await loadResponses().catch((e) => (error.value = problemOf(e).message));
    },
  };
}

export type ResultsModel = ReturnType<typeof createResults>;
