import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { waitUntil } from './wait-until.ts';

const cli = join(import.meta.dirname, '../../bin/toombos.js');

export interface ToombosProcess {
  child: ChildProcess;
  pid: number;
  output: string[];
}

/** A real `toombos <command>` in its own process, as production runs it. */
export function spawnToombos(
  command: 'start' | 'api' | 'worker',
  env: Record<string, string>,
): ToombosProcess {
  const child = spawn(process.execPath, [cli, command], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  if (child.pid === undefined) throw new Error(`could not spawn toombos ${command}`);
  return { child, pid: child.pid, output };
}

/** The URL a `start` or `api` process prints once it listens. */
export function listeningUrl(process: ToombosProcess): Promise<string> {
  return waitUntil(
    () => {
      if (process.child.exitCode !== null)
        throw new Error(`toombos exited early:\n${process.output.join('')}`);
      return /Toombos is running at (http:\/\/\S+)/.exec(process.output.join(''))?.[1];
    },
    { what: 'toombos to listen', timeoutMs: 60_000, intervalMs: 100 },
  );
}

/** SIGTERM, then SIGKILL after 15 s; resolves once the process is gone. */
export async function terminate({ child }: ToombosProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(forced);
}

/** A crash: SIGKILL, no shutdown hooks, nothing flushed. */
export async function kill({ child }: ToombosProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}
