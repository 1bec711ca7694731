import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../helpers/wait-until.ts';

/** The real `toombos` command, in child processes, on a fresh PGlite directory. */
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'toombos.js');
const weeklyFixture = join(root, 'test', 'fixtures', 'living-docs', 'stillwave-weekly.md');

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function run(args: string[], env: Record<string, string> = {}): Run {
  const inherited = { ...process.env };
  // The CLI must run on its own PGlite directory, whatever the test runner's environment holds.
  delete inherited.DATABASE_URL;
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: root,
    env: { ...inherited, LOG_LEVEL: 'warn', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function exitWithin<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('toombos command', () => {
  let dataDir: string;
  let first: Run | undefined;
  let url = '';
  let adminKey = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'toombos-cli-'));
    const started = run(['start'], { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });
    first = started;
    const announced = await waitUntil(
      () => {
        if (started.child.exitCode !== null)
          throw new Error(`toombos start exited early:\n${started.stdout()}\n${started.stderr()}`);
        const at = /Toombos is running at (http:\/\/\S+)/.exec(started.stdout());
        const key = /Admin API key:\s+(tbk_\S+)/.exec(started.stdout());
        return at?.[1] && key?.[1] ? { url: at[1], key: key[1] } : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 100, what: 'toombos start to announce its URL and key' },
    );
    url = announced.url;
    adminKey = announced.key;
  });

  afterAll(async () => {
    if (first) {
      const { child, exited } = first;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        if ((await exitWithin(exited, 20_000)) === 'timeout') {
          child.kill('SIGKILL');
          await exitWithin(exited, 10_000);
        }
      }
      expect(child.exitCode !== null || child.signalCode !== null, 'toombos start exited').toBe(
        true,
      );
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints a URL with the real port, and the admin key works over HTTP', async () => {
    expect(url).toMatch(/^http:\/\/[\w.-]+:\d+$/);
    expect(url).not.toMatch(/:0$/);
    const response = await fetch(`${url}/v1/workspace`, {
      headers: { authorization: `Bearer ${adminKey}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ slug: 'default' });
    const anonymous = await fetch(`${url}/v1/workspace`);
    expect(anonymous.status).toBe(401);
  });

  it('exposes the database gauges on /metrics', async () => {
    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^# TYPE toombos_queue_depth gauge/m);
    expect(text).toMatch(/^# TYPE toombos_worker_heartbeat_timestamp gauge/m);
  });

  it('adds the demo source on first start, so items are there at once', async () => {
    const response = await fetch(`${url}/v1/sources`, {
      headers: { authorization: `Bearer ${adminKey}` },
    });
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as {
      data: Array<{ name: string; latestSnapshotId: string }>;
    };
    expect(data.map((source) => source.name)).toEqual(['Stillwave weekly (demo)']);
    const snapshot = await fetch(`${url}/v1/snapshots/${data[0]?.latestSnapshotId}`, {
      headers: { authorization: `Bearer ${adminKey}` },
    });
    expect(((await snapshot.json()) as { items: unknown[] }).items).toHaveLength(9);
  });

  it('refuses a second process on the same data directory, naming the lock file', async () => {
    const second = run(['start'], { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });
    const result = await exitWithin(second.exited, 60_000);
    if (result === 'timeout') {
      second.child.kill('SIGKILL');
      throw new Error(`the second toombos start did not exit:\n${second.stdout()}`);
    }
    expect(result.code).toEqual(expect.any(Number));
    expect(result.code).not.toBe(0);
    expect(second.stderr()).toContain(join(dataDir, 'toombos.lock'));
    expect(second.stdout()).not.toContain('Toombos is running');
    // The refused process leaves the first one's lock in place.
    expect(existsSync(join(dataDir, 'toombos.lock'))).toBe(true);
    // The first process is unharmed.
    const still = await fetch(`${url}/health/live`);
    expect(still.status).toBe(200);
  });

  it('stops on SIGTERM and releases the data directory', async () => {
    const running = first;
    if (!running) throw new Error('the first process never started');
    running.child.kill('SIGTERM');
    const result = await exitWithin(running.exited, 20_000);
    expect(result).toEqual({ code: 0, signal: null });
    expect(existsSync(join(dataDir, 'toombos.lock'))).toBe(false);
  });

  it('syncs a source from the command line once the server has stopped', async () => {
    const edited = join(dataDir, 'weekly-edited.md');
    writeFileSync(
      edited,
      readFileSync(weeklyFixture, 'utf8').replace('Fewer pings, more breathing.', 'Quieter.'),
    );
    const sync = run(['sync', 'stillwave weekly (demo)', '--file', edited, '--json'], {
      DATA_DIR: dataDir,
    });
    expect(await sync.exited, sync.stderr()).toEqual({ code: 0, signal: null });
    expect(JSON.parse(sync.stdout())).toMatchObject({
      status: 'created',
      counts: { items: 9, changed: 1, unchanged: 8 },
    });
    const again = run(['sync', 'stillwave weekly (demo)'], { DATA_DIR: dataDir });
    expect(await again.exited, again.stderr()).toEqual({ code: 0, signal: null });
    expect(again.stdout()).toMatch(/^Unchanged/);
    const missing = run(['sync', 'no such source'], { DATA_DIR: dataDir });
    expect((await missing.exited).code).toBe(1);
    expect(missing.stderr()).toMatch(/no such source/);
  });

  it('parses a file without any database, as text or JSON', async () => {
    const json = run(['parse', weeklyFixture, '--json']);
    expect(await json.exited, json.stderr()).toEqual({ code: 0, signal: null });
    expect((JSON.parse(json.stdout()) as { items: unknown[] }).items).toHaveLength(9);
    const text = run(['parse', weeklyFixture]);
    expect(await text.exited).toEqual({ code: 0, signal: null });
    expect(text.stdout()).toMatch(/9 items \(markdown\)/);
    expect(text.stdout()).toMatch(/\[tips\]\n {2}Reset in Four Counts/);
    const missing = run(['parse', join(dataDir, 'nope.md')]);
    expect((await missing.exited).code).toBe(1);
    expect(missing.stderr()).toMatch(/nope\.md/);
  });

  it('generates drafts to files offline', async () => {
    const out = join(dataDir, 'drafts');
    const generate = run([
      'generate',
      weeklyFixture,
      '--out',
      out,
      '--channels',
      'email,web,x,bluesky',
      '--tone',
      'medical_scientific',
    ]);
    expect(await generate.exited, generate.stderr()).toEqual({ code: 0, signal: null });
    for (const name of ['email.html', 'email.txt', 'web.html', 'bluesky.txt', 'report.json'])
      expect(existsSync(join(out, name)), name).toBe(true);
    expect(readFileSync(join(out, 'email.txt'), 'utf8')).toMatch(/^Subject: /);
    expect(readFileSync(join(out, 'web.html'), 'utf8')).toMatch(/application\/ld\+json/);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
      drafts: Array<{ channel: string; quality: { overall: number } }>;
    };
    expect(report.drafts.map((draft) => draft.channel)).toEqual(['email', 'web', 'x', 'bluesky']);
    const bad = run(['generate', weeklyFixture, '--channels', 'myspace', '--out', out]);
    expect((await bad.exited).code).toBe(1);
    expect(bad.stderr()).toMatch(/Unknown channel/);
  });

  it('runs the mock CRM and the mock Platform as commands', async () => {
    for (const [command, path, key] of [
      ['mock-crm', '/api/v1/subscribers?limit=1', 'mock-crm-key'],
      ['mock-platform', '/api/v1/content', 'mock-platform-key'],
    ] as const) {
      const mock = run([command, '--port', '0']);
      try {
        const url = await waitUntil(() => /listening on (http:\/\/\S+)/.exec(mock.stdout())?.[1], {
          timeoutMs: 30_000,
          what: `${command} to print its URL`,
        });
        expect((await fetch(`${url}/health`)).status).toBe(200);
        expect((await fetch(`${url}${path}`)).status).toBe(401);
        expect((await fetch(`${url}${path}`, { headers: { 'x-api-key': key } })).status).toBe(200);
      } finally {
        mock.child.kill('SIGTERM');
        await exitWithin(mock.exited, 10_000);
      }
    }
  });

  it('prints help for the command and for `keys`', async () => {
    const help = run(['--help']);
    expect(await help.exited).toEqual({ code: 0, signal: null });
    expect(help.stdout()).toMatch(/Usage: toombos/);
    expect(help.stdout()).toMatch(/\bstart\b/);
    expect(help.stdout()).toMatch(/\bkeys\b/);

    const keys = run(['keys', '--help']);
    expect(await keys.exited).toEqual({ code: 0, signal: null });
    expect(keys.stdout()).toMatch(/\bcreate\b/);
    expect(keys.stdout()).toMatch(/\brevoke\b/);
  });
});
