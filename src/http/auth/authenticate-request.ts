import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { authenticateSession } from '../../services/auth/authenticate-session.ts';
import { roleScopes } from '../../services/auth/role-scopes.ts';
import type { Principal } from '../fastify-types.ts';
import type { ApiKeyAuth } from './api-key-auth.ts';

export const SESSION_COOKIE = 'toombos_session';

function apiKeyFrom(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1] ?? '';
  }
  const apiKey = request.headers['x-api-key'];
  return Array.isArray(apiKey) ? apiKey[0] : apiKey;
}

/** Resolves the caller from an API key (header) or the dashboard session cookie; null when neither is sent. */
export async function authenticateRequest(
  { db, authenticateKey }: { db: Db; authenticateKey: ApiKeyAuth },
  request: FastifyRequest,
): Promise<Principal | null> {
  const key = apiKeyFrom(request);
  if (key !== undefined) {
    const found = await authenticateKey(key);
    return {
      workspaceId: found.workspaceId,
      actor: { kind: 'api_key', id: found.id, scopes: found.scopes },
      rateLimitPerMinute: found.rateLimitPerMinute,
    };
  }
  const header = request.headers.cookie;
  const token = header ? request.server.parseCookie(header)[SESSION_COOKIE] : undefined;
  if (!token) return null;
  const session = await authenticateSession(db, { token });
  return {
    workspaceId: session.workspaceId,
    actor: {
      kind: 'member',
      id: session.memberId,
      role: session.role,
      scopes: roleScopes[session.role],
    },
    session: { id: session.sessionId, csrfToken: session.csrfToken },
  };
}
