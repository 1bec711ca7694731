import { Option } from 'commander';
import { type Config, loadConfig } from '../config.ts';
import { getWorkspaceBySlug } from '../db/queries/workspaces.ts';
import { openDatabaseMigrated } from '../main.ts';
import type { ServiceContext } from '../services/context.ts';

export const workspaceOption = new Option('-w, --workspace <slug>', 'workspace slug').default(
  'default',
);
export const jsonOption = new Option('--json', 'machine-readable output');

/** Runs `work` against the configured database as the CLI's system actor of one workspace. */
export async function withWorkspace<T>(
  slug: string,
  work: (ctx: ServiceContext, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const database = await openDatabaseMigrated(config);
  try {
    const workspace = await getWorkspaceBySlug(database.db, { slug });
    if (!workspace) throw new Error(`No workspace with slug "${slug}".`);
    return await work(
      {
        db: database.db,
        workspaceId: workspace.id,
        actor: { kind: 'system', name: 'cli' },
      },
      config,
    );
  } finally {
    await database.close();
  }
}

export function print(json: boolean | undefined, value: unknown, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
}
