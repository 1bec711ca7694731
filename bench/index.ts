// `npm run bench`: the dashboard's first-load JavaScript (bench/dashboard.ts), parser throughput (bench/parse.ts), publishing lag and deliveries/s
// (bench/deliveries.ts), event fan-out to 100 WebSocket clients (bench/events.ts), then req/s and latency of authenticated
// `GET /v1/workspace` and of full previews (`POST /v1/preview`, 8 channels) on the real Toombos
// process, against a bare Fastify 5 JSON route measured in the same run with the same settings.
// Each target runs in its own process; autocannon drives it over loopback from this one.
// Settings: BENCH_DURATION_SECONDS (10), BENCH_WARMUP_SECONDS (3), BENCH_CONNECTIONS (10),
// BENCH_LOG_LEVEL (info, the shipping default; logs are serialised then discarded),
// BENCH_EVENTS (2000), BENCH_DATABASE_URL (also bench on PostgreSQL), BENCH_CPU_PROF=<dir> (V8 profiles of targets).
import { cpus, loadavg } from 'node:os';
import { loadBenchConfig } from './config.ts';
import { benchDashboardSize } from './dashboard.ts';
import { benchDeliveries } from './deliveries.ts';
import { benchEvents } from './events.ts';
import { checkOk, type LoadResult, type LoadSettings, measure } from './load.ts';
import { benchParse } from './parse.ts';
import { startTarget } from './target-process.ts';

const GOAL_RATIO = 0.5;
/** Full previews (8 channels of the weekly document) per second through POST /v1/preview. */
const GOAL_PREVIEWS_PER_SECOND = 2000;

const benchConfig = loadBenchConfig();
const settings: LoadSettings = {
  connections: benchConfig.BENCH_CONNECTIONS,
  durationSeconds: benchConfig.BENCH_DURATION_SECONDS,
  warmupSeconds: benchConfig.BENCH_WARMUP_SECONDS,
};

interface Row {
  target: string;
  description: string;
  /** ratio: against the bare baseline (goal GOAL_RATIO); previews: absolute goal; none: diagnostic. */
  judge: 'ratio' | 'previews' | 'none';
  result: LoadResult;
}

let stopCurrent: (() => Promise<void>) | null = null;
process.once('SIGINT', () => {
  process.stderr.write('\nbench: interrupted, stopping the target\n');
  (stopCurrent?.() ?? Promise.resolve()).finally(() => process.exit(130));
});

async function bench(
  target: string,
  name: 'bare' | 'toombos',
  env: Record<string, string> = {},
): Promise<Row[]> {
  process.stdout.write(`• ${target}: starting… `);
  const running = await startTarget(name, env);
  stopCurrent = running.stop;
  try {
    const { url, headers, description, diagnostics = [] } = running.ready;
    await checkOk({ url, headers });
    process.stdout.write(
      `warm-up ${settings.warmupSeconds} s, measuring ${settings.durationSeconds} s… `,
    );
    const rows: Row[] = [
      {
        target,
        description,
        judge: 'ratio',
        result: await measure({ url, headers }, settings, running.cpuMicros),
      },
    ];
    const preview = running.ready.preview;
    if (preview) {
      process.stdout.write('then POST /v1/preview… ');
      const request = {
        url: preview.url,
        headers: preview.headers,
        method: 'POST' as const,
        body: preview.body,
      };
      await checkOk(request);
      rows.push({
        target: `  ${target} POST /v1/preview`,
        description: `${preview.description}; the same document each time (drafts remembered)`,
        judge: 'previews',
        result: await measure(request, settings, running.cpuMicros),
      });
      process.stdout.write('then cold previews… ');
      rows.push({
        target: `  ${target} POST /v1/preview cold`,
        description: `${preview.description}; a new lead item each request (nothing remembered)`,
        judge: 'none',
        result: await measure(
          { ...request, body: preview.coldBody, unique: true },
          settings,
          running.cpuMicros,
        ),
      });
    }
    for (const diagnostic of diagnostics) {
      process.stdout.write(`then ${diagnostic.label}… `);
      const request = { url: diagnostic.url, headers: diagnostic.headers ?? {} };
      await checkOk(request);
      rows.push({
        target: `  ${target} ${diagnostic.label}`,
        description: `${description}; same process, public route, no database work`,
        judge: 'none',
        result: await measure(request, settings, running.cpuMicros),
      });
    }
    process.stdout.write('done\n');
    return rows;
  } finally {
    stopCurrent = null;
    await running.stop();
  }
}

function printTable(rows: Row[]): void {
  const header = ['target', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', 'requests', 'non-2xx'];
  const lines = rows.map(({ target, result }) => [
    target,
    result.requestsPerSecond.toFixed(0),
    result.p50Ms.toFixed(2),
    result.p99Ms.toFixed(2),
    result.cpuMicrosPerRequest.toFixed(0),
    String(result.total),
    String(result.non2xx + result.errors),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)),
  );
  const render = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  const out = [render(header), widths.map((width) => '-'.repeat(width)).join('  ')];
  for (const line of lines) out.push(render(line));
  out.push('', '(non-2xx counts connection errors too; CPU µs/req is the server process alone)');
  for (const row of rows) out.push(`  ${row.target.trim()}: ${row.description}`);
  process.stdout.write(`\n${out.join('\n')}\n\n`);
}

function printVerdict(rows: Row[], baseline: Row): void {
  const invalid = rows.filter((row) => row.result.non2xx > 0 || row.result.errors > 0);
  for (const row of invalid) {
    process.stdout.write(
      `INVALID: ${row.target.trim()} had ${row.result.non2xx} non-2xx responses ` +
        `${JSON.stringify(row.result.statusCounts)} and ${row.result.errors} connection errors\n`,
    );
  }
  for (const row of rows) {
    if (row === baseline) continue;
    const ratio = row.result.requestsPerSecond / baseline.result.requestsPerSecond;
    const cpuRatio = baseline.result.cpuMicrosPerRequest / row.result.cpuMicrosPerRequest;
    if (row.judge === 'previews') {
      const met = row.result.requestsPerSecond >= GOAL_PREVIEWS_PER_SECOND;
      process.stdout.write(
        `previews/s ${row.target.trim()} = ${row.result.requestsPerSecond.toFixed(0)} ` +
          `(p50 ${row.result.p50Ms.toFixed(2)} ms, p99 ${row.result.p99Ms.toFixed(2)} ms; ratio to ` +
          `${baseline.target} ${ratio.toFixed(3)}; goal ≥ ${GOAL_PREVIEWS_PER_SECOND}/s): ` +
          `${invalid.length > 0 ? 'NOT JUDGED: invalid run' : met ? 'goal MET' : 'goal NOT MET'}\n`,
      );
      continue;
    }
    const verdict =
      row.judge === 'none'
        ? 'diagnostic, not judged'
        : invalid.length > 0
          ? 'NOT JUDGED: invalid run'
          : ratio >= GOAL_RATIO
            ? 'goal MET'
            : 'goal NOT MET';
    process.stdout.write(
      `ratio ${row.target.trim()} / ${baseline.target} req/s = ${ratio.toFixed(3)} ` +
        `(goal ≥ ${GOAL_RATIO}; by server CPU per request ${cpuRatio.toFixed(3)}): ${verdict}\n`,
    );
  }
}

async function main(): Promise<void> {
  const [load] = loadavg();
  process.stdout.write(
    `Toombos bench: ${settings.connections} connections, ${settings.warmupSeconds} s warm-up, ` +
      `${settings.durationSeconds} s measured per target; Node ${process.version}, ` +
      `${cpus().length} CPUs, load average ${load?.toFixed(2)} at start\n`,
  );
  benchDashboardSize((line) => process.stdout.write(`• ${line}\n`));
  benchParse((line) => process.stdout.write(`• ${line}\n`));
  await benchDeliveries((line) => process.stdout.write(`• ${line}\n`), {
    count: benchConfig.BENCH_DELIVERIES,
    postgresUrl: benchConfig.BENCH_DATABASE_URL,
  });
  await benchEvents((line) => process.stdout.write(`• ${line}\n`), {
    count: benchConfig.BENCH_EVENTS,
    postgresUrl: benchConfig.BENCH_DATABASE_URL,
  });
  const rows: Row[] = [];
  const [baseline] = await bench('bare fastify', 'bare');
  if (!baseline) throw new Error('the baseline produced no result');
  rows.push(baseline);
  rows.push(...(await bench('toombos pglite', 'toombos')));
  const postgresUrl = benchConfig.BENCH_DATABASE_URL;
  if (postgresUrl) {
    rows.push(
      ...(await bench('toombos postgres', 'toombos', { BENCH_TARGET_DATABASE_URL: postgresUrl })),
    );
  } else {
    process.stdout.write('• toombos postgres: skipped (set BENCH_DATABASE_URL to run it)\n');
  }
  printTable(rows);
  printVerdict(rows, baseline);
  const [loadAfter] = loadavg();
  if ((loadAfter ?? 0) > cpus().length) {
    process.stdout.write(
      `note: load average ${loadAfter?.toFixed(2)} > ${cpus().length} CPUs at the end: other ` +
        'work shared the machine; req/s and latency are pessimistic, CPU µs/req less affected.\n',
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
