import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { safeEqual } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';
import { hasScope } from '../../services/auth/role-scopes.ts';
import type { RateLimiter } from '../rate-limiter.ts';
import type { ApiKeyAuth } from './api-key-auth.ts';
import { authenticateRequest } from './authenticate-request.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs before the body is parsed, so an anonymous or unauthorised caller is answered 401/403
 * without the server reading what it sent. Routes declare `config.access`; undeclared = public.
 */
export function accessHook(deps: {
  authenticateKey: ApiKeyAuth;
  db: Db;
  rateLimiter: RateLimiter;
  defaultRateLimitPerMinute: number;
}) {
  return async function access(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    request.principal = null;
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    const principal = await authenticateRequest(deps, request);
    if (!principal) {
      throw new AppError(
        'unauthorized',
        'Send an API key as `Authorization: Bearer <key>` or `X-API-Key`, or sign in.',
      );
    }
    if (principal.session && !SAFE_METHODS.has(request.method)) {
      // Cookie-authenticated writes must prove they come from our page: the per-session token
      // is readable only by same-origin script (synchronizer-token pattern).
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, principal.session.csrfToken)) {
        throw new AppError(
          'forbidden',
          'Missing or wrong X-CSRF-Token header for a cookie-authenticated write.',
        );
      }
    }
    if (!hasScope(principal.actor.scopes, access)) {
      throw new AppError(
        'forbidden',
        `This credential lacks the \`${access}\` scope this route needs.`,
        { requiredScope: access },
      );
    }
    request.principal = principal;
    if (principal.actor.kind === 'api_key') {
      const limit = principal.rateLimitPerMinute ?? deps.defaultRateLimitPerMinute;
      const state = await deps.rateLimiter.hit(principal.actor.id, principal.workspaceId, limit);
      reply.header('RateLimit-Limit', String(state.limit));
      reply.header('RateLimit-Remaining', String(Math.max(0, state.limit - state.count)));
      reply.header('RateLimit-Reset', String(state.resetSeconds));
      if (state.count > state.limit) {
        // The error handler turns retryAfterSeconds into the Retry-After header.
        throw new AppError(
          'rate_limited',
          `Rate limit of ${state.limit} requests per minute exceeded for this key.`,
          {
            retryAfterSeconds: state.resetSeconds,
          },
        );
      }
    }
  };
}
