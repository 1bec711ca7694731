import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplateDir: string;
  }
}

/**
 * A brand-new PGlite directory takes ~6 s to initialise; every test file instead copies this
 * migrated template (~2 s). On PostgreSQL, migrate once here so test files do not race.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'toombos-template-'));
  const database = await openDatabase({ dataDir: dir, poolSize: 2 });
  await migrateDatabase(database);
  await database.close();
  project.provide('pgliteTemplateDir', dir);
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const postgres = await openDatabase({ databaseUrl: url, dataDir: dir, poolSize: 2 });
    await migrateDatabase(postgres);
    await postgres.close();
  }
  return () => rmSync(dir, { recursive: true, force: true });
}
