import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabaseMigrated } from '../main.ts';

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('Apply pending database migrations, then exit (start does this too)')
    .action(async () => {
      const database = await openDatabaseMigrated(loadConfig());
      await database.close();
      process.stdout.write(`Database is up to date (${database.kind}).\n`);
    });
}
