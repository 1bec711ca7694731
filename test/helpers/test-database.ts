import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { databaseUrl, onServer, runDatabaseNames } from './postgres-server.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (as .ci/run sets it). */
export const databaseKinds: DatabaseKind[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

export const postgresUrl = process.env.TEST_DATABASE_URL;

export interface TestDatabase {
  database: Database;
  dataDir: string;
  /** On PostgreSQL, this file's own database (child processes connect to it). */
  url: string | undefined;
  close(): Promise<void>;
}

/**
 * A database of its own per test file: a copy of the migrated PGlite template, or on PostgreSQL a
 * new database created from the run's migrated template (see global-setup.ts) on the server of
 * TEST_DATABASE_URL. Own databases keep files apart: a worker in one file never takes another
 * file's jobs. `sameAs` opens a second connection to another test database (two processes on one
 * database); only the owner drops it, so close the others first.
 */
export async function openTestDatabase(
  kind: DatabaseKind,
  { sameAs }: { sameAs?: TestDatabase } = {},
): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'toombos-test-'));
  if (kind === 'pglite') cpSync(inject('pgliteTemplateDir'), dataDir, { recursive: true });
  const owned = kind === 'postgres' && sameAs === undefined;
  const url = kind === 'postgres' ? (sameAs?.url ?? (await createPostgresDatabase())) : undefined;
  const database = await openDatabase({ databaseUrl: url, dataDir, poolSize: 5 });
  await migrateDatabase(database);
  return {
    database,
    dataDir,
    url,
    async close() {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (owned && url) await dropPostgresDatabase(url);
    },
  };
}

async function createPostgresDatabase(): Promise<string> {
  if (!postgresUrl) throw new Error('TEST_DATABASE_URL is not set');
  const names = runDatabaseNames(inject('postgresRun'));
  const name = `${names.prefix}${randomBytes(6).toString('hex')}`;
  await onServer(postgresUrl, `create database ${name} template ${names.template}`);
  return databaseUrl(postgresUrl, name);
}

async function dropPostgresDatabase(url: string): Promise<void> {
  if (!postgresUrl) return;
  const name = new URL(url).pathname.slice(1);
  await onServer(postgresUrl, `drop database if exists ${name} with (force)`);
}
