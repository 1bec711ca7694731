import { Command, Option } from 'commander';
import { closeOnSignal, parsePort } from './mock-command-support.ts';

interface RunningMockPlatform {
  url: string;
  apiKey: string;
  close(): Promise<void>;
}

type StartMockPlatform = (options: {
  port: number;
  host: string;
  apiKey: string;
}) => Promise<RunningMockPlatform>;

// Loaded by URL, not by a static import: mocks/ lives outside src/, so the production build
// (tsconfig.build.json, rootDir src) must not pull it in. From a checkout, tsx loads it.
const serverModule = new URL('../../mocks/platform/server.ts', import.meta.url);

/** `mock-platform`: a local website CMS for safe dry runs, so no customer site is touched. */
export function mockPlatformCommand(): Command {
  return new Command('mock-platform')
    .description('Run an in-memory mock of the Platform website CMS (see docs/mock-platform.md)')
    .addOption(
      new Option('-p, --port <port>', 'port to listen on (0 = any free port)')
        .default(4020)
        .argParser(parsePort),
    )
    .addOption(new Option('--host <host>', 'interface to listen on').default('127.0.0.1'))
    .addOption(
      new Option('--api-key <key>', 'the X-API-Key clients must send').default('mock-platform-key'),
    )
    .action(async (options: { port: number; host: string; apiKey: string }) => {
      const { startMockPlatform } = (await import(serverModule.href)) as {
        startMockPlatform: StartMockPlatform;
      };
      const platform = await startMockPlatform({
        port: options.port,
        host: options.host,
        apiKey: options.apiKey,
      });
      process.stdout.write(
        `Mock Platform listening on ${platform.url}\nX-API-Key: ${platform.apiKey}\nPress Ctrl+C to stop.\n`,
      );
      closeOnSignal(() => platform.close());
    });
}
