import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors.ts';
import { type DashboardFile, loadDashboardFiles } from '../dashboard-files.ts';
import type { App } from '../fastify-types.ts';

/** Where `npm install` (vite build) writes the dashboard. */
export const dashboardDir = join(import.meta.dirname, '../../../web/dist');

/**
 * The paths the dashboard routes in the browser: each answers index.html. Listed literally so an
 * unknown URL is still the API's JSON 404, and the API's own routes never pass through here.
 */
const pagePaths = [
  '/',
  '/login',
  '/setup',
  '/sources',
  '/sources/:id',
  '/campaigns',
  '/campaigns/:id',
  '/approvals',
  '/calendar',
  '/deliveries',
  '/outbox',
  '/settings',
  '/settings/:tab',
];

const notBuilt = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Toombos</title></head>
<body><main><h1>The dashboard is not built</h1><p>Run <code>npm install</code> (or
<code>npm run build:web</code>) in the Toombos folder, then restart. The API is up: see
<a href="/docs">/docs</a>.</p></main></body></html>`;

/**
 * Static files read into memory once at start (gzip precomputed): serving them costs the API's
 * request path nothing. Hashed assets are immutable for a year; index.html is revalidated.
 */
export function dashboardRoutes(app: App, dir = dashboardDir): void {
  const files = loadDashboardFiles(dir);
  const hidden = { config: { access: 'public' as const }, schema: { hide: true } };

  for (const url of pagePaths) {
    app.get(url, {
      ...hidden,
      handler: (request, reply) => {
        if (!files) return reply.code(503).type('text/html; charset=utf-8').send(notBuilt);
        reply.header('Cache-Control', 'no-cache');
        return sendFile(request, reply, files.index);
      },
    });
  }

  app.get('/assets/:name', {
    ...hidden,
    handler: (request, reply) => {
      const { name } = request.params as { name: string };
      const file = files?.assets.get(name);
      if (!file) throw new AppError('not_found', `No dashboard asset ${name}.`);
      reply.header('Cache-Control', 'public, max-age=31536000, immutable');
      return sendFile(request, reply, file);
    },
  });
}

function sendFile(request: FastifyRequest, reply: FastifyReply, file: DashboardFile) {
  reply.header('ETag', file.etag).header('Vary', 'Accept-Encoding').type(file.contentType);
  if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
  const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  if (file.gzip && acceptsGzip) return reply.header('Content-Encoding', 'gzip').send(file.gzip);
  return reply.send(file.body);
}
