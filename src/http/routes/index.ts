import type { App } from '../fastify-types.ts';
import { apiKeyRoutes } from './api-keys.ts';
import { healthRoutes } from './health.ts';
import { workspaceRoutes } from './workspace.ts';

/** Every route module, in one list: tests walk the resulting route table. */
export function registerRoutes(app: App): void {
  healthRoutes(app);
  workspaceRoutes(app);
  apiKeyRoutes(app);
}
