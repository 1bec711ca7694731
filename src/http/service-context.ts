import type { FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.ts';
import type { ServiceContext } from '../services/context.ts';
import type { App } from './fastify-types.ts';

/** The service context of an authenticated request: its workspace and actor, nothing else. */
export function serviceContext(app: App, request: FastifyRequest): ServiceContext {
  const principal = request.principal;
  if (!principal) throw new AppError('unauthorized', 'This route needs a credential.');
  return { db: app.deps.database.db, workspaceId: principal.workspaceId, actor: principal.actor };
}
