// The real Toombos process (`startProcess`, as `toombos start` / `toombos api` build it) serving
// authenticated `GET /v1/workspace`. Embedded default: PGlite in a fresh temp dir, api + worker.
// With BENCH_TARGET_DATABASE_URL: PostgreSQL, api role only (the scale-out shape).
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../../src/config.ts';
import { workspaces } from '../../src/db/schema.ts';
import { dashboardDir } from '../../src/http/routes/dashboard.ts';
import { startProcess } from '../../src/main.ts';
import { createWorkspaceWithOwner } from '../../src/services/workspaces/bootstrap-workspace.ts';
import { loadBenchConfig } from '../config.ts';
import { sendToParent, serveParent } from './protocol.ts';

const benchConfig = loadBenchConfig();
const databaseUrl = benchConfig.BENCH_TARGET_DATABASE_URL;
const tempDir = mkdtempSync(join(tmpdir(), 'toombos-bench-'));
// The bench measures the route, not 429s: the default per-key limit is raised to the maximum
// (the key is created without a limit of its own, so this default applies to it).
const config = loadConfig({
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: '0',
  DATA_DIR: tempDir,
  DATABASE_URL: databaseUrl,
  // Required with DATABASE_URL (every process must share it); the embedded default generates one.
  TOOMBOS_SECRET_KEY: databaseUrl ? randomBytes(32).toString('hex') : undefined,
  LOG_LEVEL: benchConfig.BENCH_LOG_LEVEL,
  RATE_LIMIT_PER_MINUTE: '1000000',
});
const previewDocument = readFileSync(
  new URL('../../src/sources/demo/stillwave-weekly.md', import.meta.url),
  'utf8',
);
const previewChannels = [
  'email',
  'web',
  'x',
  'linkedin',
  'facebook',
  'instagram',
  'mastodon',
  'bluesky',
];
const roles = databaseUrl ? { api: true, worker: false } : { api: true, worker: true };

/** GET of the dashboard's entry chunk, gzipped, when web/dist is built. */
function dashboardAsset(origin: string) {
  const index = join(dashboardDir, 'index.html');
  if (!existsSync(index)) return [];
  const entry = /src="\/assets\/([^"]+\.js)"/.exec(readFileSync(index, 'utf8'))?.[1];
  if (!entry) return [];
  return [
    {
      label: 'dashboard /assets/<entry>.js',
      url: `${origin}/assets/${entry}`,
      headers: { 'accept-encoding': 'gzip' },
    },
  ];
}

try {
  const running = await startProcess(config, roles);
  const workspace = await createWorkspaceWithOwner(running.database.db, {
    name: 'Bench workspace',
    slug: `bench-${randomUUID()}`,
    ownerEmail: `bench-${randomUUID()}@example.test`,
  });
  if (!running.url) throw new Error('the api role did not start');
  const origin = `http://127.0.0.1:${new URL(running.url).port}`;
  await sendToParent({
    type: 'ready',
    url: `${origin}/v1/workspace`,
    headers: { authorization: `Bearer ${workspace.adminKey}` },
    // The same stack (security headers, cors, hooks, zod serializer, metrics) without auth or a query:
    // the ceiling any database work is subtracted from.
    diagnostics: [
      { label: '/health/live', url: `${origin}/health/live` },
      // The dashboard's largest file, from memory with its precomputed gzip (issue 8).
      ...dashboardAsset(origin),
    ],
    preview: {
      url: `${origin}/v1/preview`,
      headers: {
        authorization: `Bearer ${workspace.adminKey}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ text: previewDocument, channels: previewChannels }),
      coldBody: JSON.stringify({
        text: previewDocument.replace('in real time.', 'in real time. Run [<id>].'),
        channels: previewChannels,
      }),
      description: `stillwave-weekly.md (${previewDocument.length} bytes) → ${previewChannels.join(' + ')}`,
    },
    tempDir,
    description: `${running.database.kind}, roles ${roles.worker ? 'api+worker' : 'api'}, LOG_LEVEL=${config.LOG_LEVEL}`,
  });
  await serveParent();
  // On a shared PostgreSQL, leave nothing behind: the workspace row cascades to its key,
  // rate-limit windows and events.
  if (running.database.kind === 'postgres')
    await running.database.db.delete(workspaces).where(eq(workspaces.id, workspace.workspaceId));
  await running.stop();
  await sendToParent({ type: 'stopped' }).catch(() => {});
} catch (error) {
  await sendToParent({
    type: 'failed',
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  }).catch(() => {});
  process.exitCode = 1;
} finally {
  rmSync(tempDir, { recursive: true, force: true });
  process.disconnect?.();
  // Only fires if some handle outlived stop(); the parent would otherwise kill us.
  setTimeout(() => process.exit(), 5_000).unref();
}
