import { Command, InvalidArgumentError, Option } from 'commander';
import { closeOnSignal, parsePort } from './mock-command-support.ts';

interface RunningMockCrm {
  url: string;
  apiKey: string;
  close(): Promise<void>;
}

type StartMockCrm = (options: {
  port: number;
  host: string;
  apiKey: string;
  subscribers: number;
}) => Promise<RunningMockCrm>;

// Loaded by URL, not by a static import: mocks/ lives outside src/, so the production build
// (tsconfig.build.json, rootDir src) must not pull it in. From a checkout, tsx loads it.
const serverModule = new URL('../../mocks/crm/server.ts', import.meta.url);

/** `toombos mock-crm`: a local CRM to point a connection at, so dry runs never mail anyone. */
export function mockCrmCommand(): Command {
  return new Command('mock-crm')
    .description('Run an in-memory mock of the CRM (see docs/mock-crm.md)')
    .addOption(
      new Option('-p, --port <port>', 'port to listen on (0 = any free port)')
        .default(4010)
        .argParser(parsePort),
    )
    .addOption(new Option('--host <host>', 'interface to listen on').default('127.0.0.1'))
    .addOption(
      new Option('--api-key <key>', 'the X-API-Key clients must send').default('mock-crm-key'),
    )
    .addOption(
      new Option('--subscribers <count>', 'how many subscribers to seed')
        .default(25)
        .argParser(parseCount),
    )
    .action(
      async (options: { port: number; host: string; apiKey: string; subscribers: number }) => {
        const { startMockCrm } = (await import(serverModule.href)) as {
          startMockCrm: StartMockCrm;
        };
        const crm = await startMockCrm({
          port: options.port,
          host: options.host,
          apiKey: options.apiKey,
          subscribers: options.subscribers,
        });
        process.stdout.write(
          `Mock CRM listening on ${crm.url}\nX-API-Key: ${crm.apiKey}\n` +
            'Subjects containing invalid, error, ratelimit, timeout or slow script failures. ' +
            'Press Ctrl+C to stop.\n',
        );
        closeOnSignal(() => crm.close());
      },
    );
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0 || count > 100_000)
    throw new InvalidArgumentError('must be an integer 0–100000');
  return count;
}
