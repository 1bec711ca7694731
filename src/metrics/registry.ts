import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpRequestsTotal: Counter<'method' | 'route' | 'status'>;
  httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
}

/**
 * One registry per process. Gauges whose value lives in the database (queue depth, heartbeat)
 * are registered by `registerDatabaseGauges` so they are read at scrape time, not polled.
 */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequestsTotal: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpRequestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration in seconds, by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}

export function registerDatabaseGauges(
  metrics: Metrics,
  sources: {
    queueDepth(): Promise<Record<string, number>>;
    latestHeartbeat(): Promise<Date | null>;
    pendingApprovals(): Promise<number>;
  },
): void {
  new Gauge({
    name: 'toombos_queue_depth',
    help: 'Jobs waiting or running, per job name.',
    labelNames: ['job'],
    registers: [metrics.registry],
    async collect() {
      this.reset();
      const depth = await sources.queueDepth().catch(() => ({}));
      for (const [job, value] of Object.entries(depth)) this.set({ job }, value);
    },
  });
  new Gauge({
    name: 'toombos_worker_heartbeat_timestamp',
    help: 'Unix time (seconds) of the freshest worker heartbeat.',
    registers: [metrics.registry],
    async collect() {
      const latest = await sources.latestHeartbeat().catch(() => null);
      this.set(latest ? latest.getTime() / 1000 : 0);
    },
  });
  new Gauge({
    name: 'toombos_approval_pending',
    help: 'Campaigns waiting for approval, across workspaces.',
    registers: [metrics.registry],
    async collect() {
      this.set(await sources.pendingApprovals().catch(() => 0));
    },
  });
}
