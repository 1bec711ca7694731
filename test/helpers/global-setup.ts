import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { databasesNamed, databaseUrl, onServer, runDatabaseNames } from './postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplateDir: string;
    /** The test run's id on PostgreSQL: names its databases (see postgres-server.ts). */
    postgresRun: string;
  }
}

/**
 * A brand-new PGlite directory takes ~6 s to initialise; every test file instead copies this
 * migrated template (~2 s). On PostgreSQL, each test file gets its own database, created from
 * `toombos_template`, migrated once here.
 */
export default async function setup(project: TestProject): Promise<() => void | Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'toombos-template-'));
  const database = await openDatabase({ dataDir: dir, poolSize: 2 });
  await migrateDatabase(database);
  await database.close();
  project.provide('pgliteTemplateDir', dir);
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const run = randomBytes(4).toString('hex');
    const names = runDatabaseNames(run);
    project.provide('postgresRun', run);
    await onServer(url, `create database ${names.template}`);
    const postgres = await openDatabase({
      databaseUrl: databaseUrl(url, names.template),
      dataDir: dir,
      poolSize: 2,
    });
    await migrateDatabase(postgres);
    await postgres.close();
    return async () => {
      rmSync(dir, { recursive: true, force: true });
      for (const name of await databasesNamed(url, names.prefix))
        await onServer(url, `drop database if exists ${name} with (force)`);
    };
  }
  return () => rmSync(dir, { recursive: true, force: true });
}
