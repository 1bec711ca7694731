import { type ChildProcess, fork } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnvironment, loadBenchConfig } from './config.ts';
import type { ChildMessage, ReadyMessage } from './targets/protocol.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

export interface RunningTarget {
  ready: ReadyMessage;
  /** CPU time (user + system) the target process has used so far, in µs. */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts `bench/targets/<name>.ts` in its own Node process (TypeScript through tsx, as
 * bin/toombos.js does). BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the target there.
 */
export async function startTarget(
  name: 'bare' | 'toombos',
  env: Record<string, string> = {},
): Promise<RunningTarget> {
  const profileDir = loadBenchConfig().BENCH_CPU_PROF;
  const child = fork(join(root, 'bench', 'targets', `${name}.ts`), [], {
    cwd: root,
    execArgv: [
      '--import',
      'tsx',
      ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
    ],
    env: childEnvironment(env),
    // Logs go nowhere (they are still produced and serialised, as in production); errors show.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let ready: ReadyMessage;
  try {
    ready = await waitFor(child, exited, 'ready', START_TIMEOUT_MS);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  return {
    ready,
    async cpuMicros() {
      const answer = waitFor(child, exited, 'usage', 10_000);
      child.send({ type: 'usage' });
      return (await answer).cpuMicros;
    },
    async stop() {
      const stopped = waitFor(child, exited, 'stopped', STOP_TIMEOUT_MS).catch((error: unknown) => {
        process.stderr.write(`bench: ${name} did not stop cleanly: ${String(error)}\n`);
        child.kill('SIGKILL');
      });
      if (child.connected) child.send({ type: 'stop' });
      await stopped;
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
      if (ready.tempDir) rmSync(ready.tempDir, { recursive: true, force: true });
    },
  };
}

function waitFor<T extends ChildMessage['type']>(
  child: ChildProcess,
  exited: Promise<number | null>,
  type: T,
  timeoutMs: number,
): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no "${type}" from the target within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (message: ChildMessage) => {
      if (message.type === type) {
        cleanup();
        resolve(message as Extract<ChildMessage, { type: T }>);
      } else if (message.type === 'failed') {
        cleanup();
        reject(new Error(`target failed:\n${message.error}`));
      }
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
    };
    child.on('message', onMessage);
    exited.then((code) => {
      cleanup();
      reject(new Error(`target exited (code ${code}) before "${type}"`));
    });
  });
}
