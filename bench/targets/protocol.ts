/**
 * The bench runs each target in a child process (so autocannon and the server do not share one
 * event loop) and talks to it over the fork IPC channel: the child announces `ready` once it
 * listens, answers `usage` with its CPU time so far, and on `stop` closes everything and answers
 * `stopped`.
 */
export interface ReadyMessage {
  type: 'ready';
  /** The route under test, and the headers each request carries. */
  url: string;
  headers: Record<string, string>;
  /** A full preview request (POST /v1/preview), judged by its own goal in previews per second. */
  preview?: {
    url: string;
    headers: Record<string, string>;
    body: string;
    /** The same request with `[<id>]` in the lead item: a new document every time. */
    coldBody: string;
    description: string;
  };
  /** Other routes of the same process, measured as diagnostics (public, no database work). */
  diagnostics?: { label: string; url: string; headers?: Record<string, string> }[];
  /** A temp directory the child created; the parent removes it too if the child dies. */
  tempDir?: string;
  /** What the target runs, for the report (roles, database kind). */
  description: string;
}

export type ChildMessage =
  | ReadyMessage
  | { type: 'usage'; cpuMicros: number }
  | { type: 'stopped' }
  | { type: 'failed'; error: string };

export type ParentMessage = { type: 'stop' } | { type: 'usage' };

/** Sends on the IPC channel and resolves once the message is handed over. */
export function sendToParent(message: ChildMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) {
      reject(new Error('bench target must be started by bench/index.ts (no IPC channel)'));
      return;
    }
    process.send(message, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

/** Answers `usage` requests; resolves on the parent's `stop` (or when the parent disappears). */
export function serveParent(): Promise<void> {
  return new Promise((resolve) => {
    process.on('message', (message: ParentMessage) => {
      if (message.type === 'stop') resolve();
      if (message.type === 'usage') {
        const usage = process.cpuUsage();
        sendToParent({ type: 'usage', cpuMicros: usage.user + usage.system }).catch(() => {});
      }
    });
    process.on('disconnect', () => resolve());
  });
}
