import { Command } from 'commander';
import { ConfigError } from '../config.ts';
import { DataDirLockedError } from '../db/lock-data-dir.ts';
import { documentCommands } from './documents.ts';
import { generateCommand } from './generate.ts';
import { keysCommand } from './keys.ts';
import { migrateCommand } from './migrate.ts';
import { mockCrmCommand } from './mock-crm.ts';
import { mockPlatformCommand } from './mock-platform.ts';
import { serveCommands } from './serve.ts';

export async function runCli(argv: string[]): Promise<void> {
  const program = new Command()
    .name('toombos')
    .description('Toombos: one living document in; newsletters, web posts and social posts out.')
    .showHelpAfterError();
  for (const command of serveCommands()) program.addCommand(command);
  program.addCommand(migrateCommand());
  program.addCommand(keysCommand());
  for (const command of documentCommands()) program.addCommand(command);
  program.addCommand(generateCommand());
  program.addCommand(mockCrmCommand());
  program.addCommand(mockPlatformCommand());
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = 1;
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      process.stderr.write(`toombos: ${error.message}\n`);
      return;
    }
    process.stderr.write(`toombos: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}
