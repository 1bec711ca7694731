import { approvalEvents } from './catalog-approvals.ts';
import { campaignEvents } from './catalog-campaigns.ts';
import { workspaceEvents } from './catalog-workspace.ts';
import type { EventDefinition } from './event-definition.ts';

export type { EventDefinition } from './event-definition.ts';

/**
 * Every event the engine emits (PRODUCT.md §11): its meaning, what it is about (`subject`), the
 * schema of its `data` and an example. `NewEvent.type` is `EventType`, so emitting a type that is
 * not here does not compile; catalog.test.ts also checks the sources for literal types.
 *
 * Data schemas are loose objects: they name and type every field emitted today, and a field added
 * later (additive change) does not make older readers' schemas reject the event.
 *
 * The entries live in three files by family; this is the one catalog everything reads.
 */
export const eventCatalog = {
  ...workspaceEvents,
  ...campaignEvents,
  ...approvalEvents,
} satisfies Record<string, EventDefinition>;

export type EventType = keyof typeof eventCatalog;

export const eventTypes = Object.keys(eventCatalog) as EventType[];

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventCatalog, type);
}
