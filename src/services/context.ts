import type { Db } from '../db/client.ts';
import type { Role, Scope } from '../db/schema.ts';

/** Who is acting. Transports build it from a credential; services read it, never a request. */
export type Actor =
  | { kind: 'api_key'; id: string; scopes: readonly Scope[] }
  | { kind: 'member'; id: string; role: Role; scopes: readonly Scope[] }
  | { kind: 'system'; name: string };

export interface ServiceContext {
  db: Db;
  workspaceId: string;
  actor: Actor;
}

/** The audit form of an actor, stored on events: `api_key:<id>`, `member:<id>`, `system:<name>`. */
export function actorLabel(actor: Actor): string {
  return actor.kind === 'system' ? `system:${actor.name}` : `${actor.kind}:${actor.id}`;
}
