import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (as .ci/run sets it). */
export const databaseKinds: DatabaseKind[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

export const postgresUrl = process.env.TEST_DATABASE_URL;

export interface TestDatabase {
  database: Database;
  dataDir: string;
  close(): Promise<void>;
}

/** A database of its own per test file: a copy of the migrated PGlite template, or the shared PostgreSQL. */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'toombos-test-'));
  if (kind === 'pglite') cpSync(inject('pgliteTemplateDir'), dataDir, { recursive: true });
  const database = await openDatabase({
    databaseUrl: kind === 'postgres' ? postgresUrl : undefined,
    dataDir,
    poolSize: 5,
  });
  await migrateDatabase(database);
  return {
    database,
    dataDir,
    async close() {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
