import pg from 'pg';

/**
 * Names of one test run's PostgreSQL databases: `toombos_t<run>_template` (migrated once) and
 * `toombos_t<run>_<file>` per test file. Per run, so two runs on one server never touch each
 * other's databases; the run drops its own at the end.
 */
export function runDatabaseNames(run: string) {
  return { prefix: `toombos_t${run}_`, template: `toombos_t${run}_template` };
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Runs one statement on the server of `url` (CREATE/DROP DATABASE cannot run in a transaction or
 * a pool's session with other work). Retries while another session still holds the template,
 * which PostgreSQL reports as `55006` for a moment after it was used.
 */
export async function onServer(url: string, statement: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
    } finally {
      await client.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
  }
}

/** Databases whose name starts with `prefix` (a run's, to drop when it ends). */
export async function databasesNamed(url: string, prefix: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${prefix}%`],
    );
    return rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}
