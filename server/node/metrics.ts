import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { RequestObservation } from '../http/observe.ts';
import type { InsertResult, Store } from '../store/store.ts';

/** What the metrics read when scraped: the store's queues and the live cache's version. */
export type MetricsSources = {
  queued: () => { events: number; userWrites: number };
  liveVersion: () => number;
};

/**
 * Herald's Prometheus metrics in a registry of its own (prom-client), with the process's defaults (memory,
 * CPU, event-loop lag) beside them. Latency is per route pattern, never per URL, so the series stay few.
 *
 * @example const metrics = nodeMetrics({ queued: () => store.queued(), liveVersion: () => app.live.version() })
 */
export function nodeMetrics(sources: MetricsSources) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'herald_' });
  const latency = new Histogram({
    name: 'herald_http_request_duration_seconds',
    help: 'Time to answer a request, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    // From a cached decide (sub-millisecond) to a report over many events.
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const stored = new Counter({
    name: 'herald_events_stored_total',
    help: 'Events stored durably (duplicates and ignored events not counted)',
    registers: [registry],
  });
  new Gauge({
    name: 'herald_queue_depth',
    help: 'Items waiting in or being written by a group commit',
    labelNames: ['queue'] as const,
    registers: [registry],
    collect() {
      const { events, userWrites } = sources.queued();
      this.set({ queue: 'events' }, events);
      this.set({ queue: 'user_writes' }, userWrites);
    },
  });
  new Gauge({
    name: 'herald_live_cache_version',
    help: "Changes to sites' live messages and releases this instance has applied since it started",
    registers: [registry],
    collect() {
      this.set(sources.liveVersion());
    },
  });
  return {
    /** For `createApp({ observe })`. */
    observe(o: RequestObservation): void {
      latency.observe({ method: o.method, route: o.route, status: String(o.status) }, o.ms / 1000);
    },
    /** For `createApp({ metrics })`: the text a scrape gets. */
    text: () => registry.metrics(),
    /** The store, counting the events each insert stored. */
    counting(store: Store): Store {
      const insertEvents = async (events: Parameters<Store['insertEvents']>[0]): Promise<InsertResult> => {
        const result = await store.insertEvents(events);
        stored.inc(result.accepted);
        return result;
      };
      return Object.assign(Object.create(store) as Store, { insertEvents });
    },
  };
}
