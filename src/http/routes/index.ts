import type { ApiKeyAuth } from '../auth/api-key-auth.ts';
import type { App } from '../fastify-types.ts';
import { apiKeyRoutes } from './api-keys.ts';
import { approvalPolicyRoutes } from './approval-policy.ts';
import { approvalRoutes } from './approvals.ts';
import { auditRoutes } from './audit.ts';
import { authRoutes } from './auth.ts';
import { campaignRoutes } from './campaigns.ts';
import { commentRoutes } from './comments.ts';
import { connectionRoutes } from './connections.ts';
import { dashboardRoutes } from './dashboard.ts';
import { eventStreamRoutes } from './event-stream.ts';
import { eventRoutes } from './events.ts';
import { generationRoutes } from './generation.ts';
import { healthRoutes } from './health.ts';
import { memberRoutes } from './members.ts';
import { parseRoutes } from './parse.ts';
import { publishingRoutes } from './publishing.ts';
import { reviewLinkRoutes } from './review-links.ts';
import { snapshotRoutes } from './snapshots.ts';
import { sourceRoutes } from './sources.ts';
import { webhookRoutes } from './webhooks.ts';
import { workspaceRoutes } from './workspace.ts';

/** Every route module, in one list: tests walk the resulting route table. */
export function registerRoutes(app: App, deps: { authenticateKey: ApiKeyAuth }): void {
  healthRoutes(app);
  workspaceRoutes(app);
  apiKeyRoutes(app);
  memberRoutes(app);
  authRoutes(app);
  parseRoutes(app);
  sourceRoutes(app);
  snapshotRoutes(app);
  generationRoutes(app);
  campaignRoutes(app);
  approvalPolicyRoutes(app);
  approvalRoutes(app);
  auditRoutes(app);
  reviewLinkRoutes(app);
  commentRoutes(app);
  publishingRoutes(app);
  connectionRoutes(app);
  eventRoutes(app);
  eventStreamRoutes(app, deps);
  webhookRoutes(app);
  dashboardRoutes(app);
}
