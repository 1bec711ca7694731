import autocannon from 'autocannon';

/** One request, fired over and over: a GET unless a method and body are given. */
export interface Target {
  url: string;
  headers: Record<string, string>;
  method?: 'GET' | 'POST';
  body?: string;
  /** `[<id>]` in the body becomes a new number on every request (cold, uncached input). */
  unique?: boolean;
}

export interface LoadSettings {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  non2xx: number;
  errors: number;
  statusCounts: Record<string, number>;
  /** CPU time the server process spent per response during the measured window. */
  cpuMicrosPerRequest: number;
}

interface Fired {
  result: autocannon.Result;
  /** Per-response latency in ms at full precision (autocannon's histogram keeps whole ms). */
  latencies: Float64Array;
}

function fire(target: Target, connections: number, duration: number): Promise<Fired> {
  const { url, headers, method = 'GET', body, unique = false } = target;
  return new Promise((resolve, reject) => {
    let latencies = new Float64Array(1 << 16);
    let sent = 0;
    let count = 0;
    const instance = autocannon(
      {
        url,
        headers,
        method,
        ...(body !== undefined && { body }),
        // Rebuilt per request so Content-Length matches (autocannon's idReplacement does not fix it).
        ...(unique &&
          body !== undefined && {
            requests: [
              {
                setupRequest: (request: autocannon.Request) => {
                  sent += 1;
                  return { ...request, body: body.replaceAll('[<id>]', String(sent)) };
                },
              },
            ],
          }),
        connections,
        duration,
        pipelining: 1,
      },
      (error: unknown, result) => {
        if (error) reject(error);
        else resolve({ result, latencies: latencies.subarray(0, count) });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      if (count === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[count] = responseTime;
      count += 1;
    });
  });
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

/** Warm up (results discarded), then measure with the same settings. */
export async function measure(
  target: Target,
  settings: LoadSettings,
  serverCpuMicros: () => Promise<number>,
): Promise<LoadResult> {
  if (settings.warmupSeconds > 0) await fire(target, settings.connections, settings.warmupSeconds);
  const cpuBefore = await serverCpuMicros();
  const { result, latencies } = await fire(target, settings.connections, settings.durationSeconds);
  const cpuAfter = await serverCpuMicros();
  const sorted = latencies.slice().sort();
  const statusCounts: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
    statusCounts[code] = stat.count ?? 0;
  const total = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    requestsPerSecond: total / result.duration,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    total,
    non2xx: result.non2xx,
    errors: result.errors,
    statusCounts,
    cpuMicrosPerRequest: total > 0 ? (cpuAfter - cpuBefore) / total : Number.NaN,
  };
}

/** One request before the load, so a wrong URL or key fails loudly instead of benchmarking 401s. */
export async function checkOk({ url, headers, method = 'GET', body }: Target): Promise<void> {
  const sent = body?.replaceAll('[<id>]', 'check');
  const response = await fetch(url, { headers, method, ...(sent !== undefined && { body: sent }) });
  const text = await response.text();
  if (response.status !== 200)
    throw new Error(
      `${method} ${url} answered ${response.status}, expected 200: ${text.slice(0, 300)}`,
    );
}
