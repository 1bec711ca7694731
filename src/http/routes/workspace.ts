import { getWorkspace } from '../../services/workspaces/get-workspace.ts';
import {
  updateWorkspace,
  updateWorkspaceInput,
} from '../../services/workspaces/update-workspace.ts';
import {
  brandProfileSchema,
  workspaceViewSchema,
} from '../../services/workspaces/workspace-view.ts';
import type { App } from '../fastify-types.ts';
import { problemResponses } from '../problem-schema.ts';
import { serviceContext } from '../service-context.ts';

export function workspaceRoutes(app: App): void {
  app.get('/v1/workspace', {
    config: { access: 'read' },
    schema: {
      tags: ['workspace'],
      summary: 'The workspace of the calling credential',
      response: { 200: workspaceViewSchema, ...problemResponses },
    },
    handler: (request) => {
      const ctx = serviceContext(app, request);
      return app.caches.workspaces.get(ctx.workspaceId, () => getWorkspace(ctx));
    },
  });

  app.get('/v1/workspace/brand', {
    config: { access: 'read' },
    schema: {
      tags: ['workspace'],
      summary: 'The brand profile generation writes with',
      response: { 200: brandProfileSchema, ...problemResponses },
    },
    handler: async (request) => {
      const ctx = serviceContext(app, request);
      return (await app.caches.workspaces.get(ctx.workspaceId, () => getWorkspace(ctx))).brand;
    },
  });

  app.patch('/v1/workspace/brand', {
    config: { access: 'admin' },
    schema: {
      tags: ['workspace'],
      summary: 'Change the brand profile (fields given replace the stored ones)',
      body: brandProfileSchema,
      response: { 200: brandProfileSchema, ...problemResponses },
    },
    handler: async (request) => {
      const ctx = serviceContext(app, request);
      const updated = await updateWorkspace(ctx, { brand: request.body });
      app.caches.workspaces.evict(ctx.workspaceId);
      return updated.brand;
    },
  });

  app.patch('/v1/workspace', {
    config: { access: 'admin' },
    schema: {
      tags: ['workspace'],
      summary: 'Update the name, time zone or brand profile',
      body: updateWorkspaceInput,
      response: { 200: workspaceViewSchema, ...problemResponses },
    },
    handler: async (request) => {
      const ctx = serviceContext(app, request);
      const updated = await updateWorkspace(ctx, request.body);
      app.caches.workspaces.evict(ctx.workspaceId);
      return updated;
    },
  });
}
