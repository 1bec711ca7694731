import { Command, Option } from 'commander';
import { type Scope, scopes } from '../db/schema.ts';
import { createApiKey } from '../services/api-keys/create-api-key.ts';
import { listApiKeys } from '../services/api-keys/list-api-keys.ts';
import { revokeApiKey } from '../services/api-keys/revoke-api-key.ts';
import { jsonOption, print, withWorkspace, workspaceOption } from './with-workspace.ts';

export function keysCommand(): Command {
  const keys = new Command('keys').description('Create, list and revoke API keys');
  keys
    .command('create')
    .description('Create an API key; its secret is printed once')
    .requiredOption('-n, --name <name>', 'what the key is for')
    .addOption(
      new Option('-s, --scopes <scopes>', `comma-separated: ${scopes.join(', ')}`).default('read'),
    )
    .addOption(workspaceOption)
    .addOption(jsonOption)
    .action(
      async (options: { name: string; scopes: string; workspace: string; json?: boolean }) => {
        const requested = options.scopes.split(',').map((scope) => scope.trim());
        const unknown = requested.filter((scope) => !(scopes as readonly string[]).includes(scope));
        if (unknown.length > 0)
          throw new Error(`Unknown scope(s): ${unknown.join(', ')}. Use ${scopes.join(', ')}.`);
        const created = await withWorkspace(options.workspace, (ctx) =>
          createApiKey(ctx, { name: options.name, scopes: requested as Scope[] }),
        );
        print(
          options.json,
          created,
          `Created key ${created.id} (${created.scopes.join(', ')}). Shown once:\n${created.key}`,
        );
      },
    );
  keys
    .command('list')
    .description('List the API keys of a workspace')
    .addOption(workspaceOption)
    .addOption(jsonOption)
    .action(async (options: { workspace: string; json?: boolean }) => {
      const rows = await withWorkspace(options.workspace, (ctx) =>
        listApiKeys(ctx, { limit: 1000 }),
      );
      const text = rows
        .map(
          (row) =>
            `${row.id}  ${row.prefix}…  ${row.name}  [${row.scopes.join(',')}]  ${row.revokedAt ? `revoked ${row.revokedAt}` : `last used ${row.lastUsedAt ?? 'never'}`}`,
        )
        .join('\n');
      print(options.json, rows, text || 'No keys.');
    });
  keys
    .command('revoke')
    .description('Revoke an API key by id')
    .argument('<id>', 'key id (see `toombos keys list`)')
    .addOption(workspaceOption)
    .addOption(jsonOption)
    .action(async (id: string, options: { workspace: string; json?: boolean }) => {
      const revoked = await withWorkspace(options.workspace, (ctx) => revokeApiKey(ctx, { id }));
      print(options.json, revoked, `Revoked key ${revoked.id} (${revoked.name}).`);
    });
  return keys;
}
