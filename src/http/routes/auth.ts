import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { publicUrl } from '../../config.ts';
import { AppError } from '../../lib/errors.ts';
import { completeSetup, completeSetupInput } from '../../services/auth/complete-setup.ts';
import { getSession } from '../../services/auth/get-session.ts';
import { logIn, logInInput } from '../../services/auth/log-in.ts';
import { logOut } from '../../services/auth/log-out.ts';
import { sessionViewSchema } from '../../services/auth/session-view.ts';
import type { StartedSession } from '../../services/auth/start-session.ts';
import { SESSION_COOKIE } from '../auth/authenticate-request.ts';
import { passwordAttemptThrottle } from '../auth/password-attempt-throttle.ts';
import type { App } from '../fastify-types.ts';
import { problemResponses } from '../problem-schema.ts';
import { serviceContext } from '../service-context.ts';

export function authRoutes(app: App): void {
  const { config } = app.deps;
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: publicUrl(config).startsWith('https://'),
  } as const;

  const throttle = passwordAttemptThrottle({ perMinute: config.PASSWORD_ATTEMPTS_PER_MINUTE });

  function sendSession(reply: FastifyReply, status: 200 | 201, started: StartedSession) {
    reply.setCookie(SESSION_COOKIE, started.token, {
      ...cookieOptions,
      maxAge: config.SESSION_TTL_HOURS * 60 * 60,
    });
    reply.header('Cache-Control', 'no-store');
    return reply.code(status).send(started.view);
  }

  /** The session the cookie names; API keys have none. */
  function sessionIdOf(request: { principal: { session?: { id: string } } | null }): string {
    const id = request.principal?.session?.id;
    if (id === undefined) {
      throw new AppError(
        'unauthorized',
        'This route is for dashboard sessions (the cookie), not API keys.',
      );
    }
    return id;
  }

  app.post('/v1/auth/setup', {
    config: { access: 'public' },
    preHandler: throttle,
    schema: {
      tags: ['auth'],
      summary: 'Finish an invitation with its one-time setup token: set a password, get a session',
      body: completeSetupInput,
      response: { 201: sessionViewSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const started = await completeSetup(app.deps.database.db, {
        ...request.body,
        sessionTtlHours: config.SESSION_TTL_HOURS,
      });
      return sendSession(reply, 201, started);
    },
  });

  app.post('/v1/auth/login', {
    config: { access: 'public' },
    preHandler: throttle,
    schema: {
      tags: ['auth'],
      summary: 'Sign in with email and password; sets the session cookie',
      description:
        'Send `workspace` (its slug) when the same email and password open several workspaces (409 otherwise).',
      body: logInInput,
      response: { 200: sessionViewSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const started = await logIn(app.deps.database.db, {
        ...request.body,
        sessionTtlHours: config.SESSION_TTL_HOURS,
      });
      return sendSession(reply, 200, started);
    },
  });

  app.post('/v1/auth/logout', {
    config: { access: 'read' },
    schema: {
      tags: ['auth'],
      summary: 'Sign out: the session ends and the cookie is cleared (needs `X-CSRF-Token`)',
      response: { 204: z.null().describe('Signed out'), ...problemResponses },
    },
    handler: async (request, reply) => {
      await logOut(serviceContext(app, request), { sessionId: sessionIdOf(request) });
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.code(204).send(null);
    },
  });

  app.get('/v1/auth/session', {
    config: { access: 'read' },
    schema: {
      tags: ['auth'],
      summary: 'The signed-in member, their role and scopes, the workspace, and the CSRF token',
      response: { 200: sessionViewSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return getSession(serviceContext(app, request), { sessionId: sessionIdOf(request) });
    },
  });
}
