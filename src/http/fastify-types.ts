import type {
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Scope } from '../db/schema.ts';
import type { Actor } from '../services/context.ts';

/** How a route is protected: `public`, or the API scope a credential must hold. */
export type RouteAccess = 'public' | Scope;

export interface Principal {
  workspaceId: string;
  actor: Exclude<Actor, { kind: 'system' }>;
  /** Set for cookie sessions: writes must echo it in `X-CSRF-Token`. */
  session?: { id: string; csrfToken: string };
  rateLimitPerMinute?: number | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  Logger,
  ZodTypeProvider
>;
