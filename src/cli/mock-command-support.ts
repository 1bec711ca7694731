import { InvalidArgumentError } from 'commander';

/** commander argParser for `--port`: 0 (any free port) to 65535. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new InvalidArgumentError('must be 0–65535');
  return port;
}

/**
 * Keeps a mock server up until SIGINT/SIGTERM, then closes it and exits (code 1 when closing
 * fails or takes over 5 s).
 */
export function closeOnSignal(close: () => Promise<void>): void {
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 5_000).unref();
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
