import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { insertApiKey } from '../../db/queries/api-keys.ts';
import { insertMember } from '../../db/queries/members.ts';
import { countWorkspaces, insertWorkspace } from '../../db/queries/workspaces.ts';
import { appendEvent } from '../../events/append-event.ts';
import { randomToken, sha256Hex } from '../../lib/crypto.ts';
import { generateApiKey } from '../api-keys/generate-api-key.ts';

const BOOTSTRAP_LOCK_ID = 7_246_310_552;
const SETUP_TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface NewWorkspaceSecrets {
  workspaceId: string;
  ownerId: string;
  setupToken: string;
  adminKey: string;
}

/**
 * Creates a workspace with a pending owner (who finishes through the one-time setup link) and an
 * admin API key. Used by first start and by tests, which each build their own workspace.
 */
export async function createWorkspaceWithOwner(
  db: Db,
  input: { name: string; slug: string; ownerEmail: string; now?: Date },
): Promise<NewWorkspaceSecrets> {
  const now = input.now ?? new Date();
  const setupToken = randomToken(32);
  const adminKey = generateApiKey();
  return db.transaction(async (tx) => {
    const workspace = await insertWorkspace(tx, { name: input.name, slug: input.slug });
    const owner = await insertMember(tx, {
      workspaceId: workspace.id,
      email: input.ownerEmail,
      name: 'Owner',
      role: 'owner',
      setupTokenHash: sha256Hex(setupToken),
      setupTokenExpiresAt: new Date(now.getTime() + SETUP_TOKEN_TTL_MS),
    });
    const key = await insertApiKey(tx, {
      workspaceId: workspace.id,
      name: 'Initial admin key',
      prefix: adminKey.prefix,
      keyHash: adminKey.keyHash,
      scopes: ['admin'],
    });
    await appendEvent(tx, {
      workspaceId: workspace.id,
      type: 'workspace.created',
      subjectType: 'workspace',
      subjectId: workspace.id,
      actor: 'system:bootstrap',
      data: { ownerId: owner.id, apiKeyId: key.id },
    });
    return { workspaceId: workspace.id, ownerId: owner.id, setupToken, adminKey: adminKey.key };
  });
}

/**
 * First start on an empty database: exactly one process creates the first workspace (others
 * wait on the advisory lock, then see it exists). Returns null when there was nothing to do.
 */
export async function bootstrapWorkspace(
  db: Db,
  input: { ownerEmail: string },
): Promise<NewWorkspaceSecrets | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK_ID})`);
    if ((await countWorkspaces(tx)) > 0) return null;
    return createWorkspaceWithOwner(tx, {
      name: 'My workspace',
      slug: 'default',
      ownerEmail: input.ownerEmail,
    });
  });
}
