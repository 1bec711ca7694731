import { z } from 'zod';
import { syncStatuses } from '../../db/schema.ts';
import {
  itemIssueSchema,
  itemSchema,
  parseWarningSchema,
  strategies,
} from '../../documents/item.ts';

/** Response shapes of the sources and snapshots routes (the views in services/sources/). */
const syncError = z.object({ code: z.string(), message: z.string() });

export const sourceSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.string(),
    settings: z.record(z.string(), z.unknown()),
    strategy: z.enum(strategies).nullable(),
    syncIntervalMinutes: z.number().int().nullable(),
    nextSyncAt: z.iso.datetime().nullable(),
    latestSnapshotId: z.uuid().nullable(),
    itemCount: z
      .number()
      .int()
      .nullable()
      .describe('How many items the latest snapshot has; null before the first snapshot.'),
    lastSync: z
      .object({ status: z.enum(syncStatuses), at: z.iso.datetime(), error: syncError.nullable() })
      .nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Source' });

export const syncResultSchema = z
  .object({
    sourceId: z.uuid(),
    status: z.enum(syncStatuses),
    snapshotId: z.uuid().nullable(),
    counts: z
      .object({
        items: z.number().int(),
        added: z.number().int(),
        changed: z.number().int(),
        removed: z.number().int(),
        unchanged: z.number().int(),
        warnings: z.number().int(),
        issues: z.number().int(),
      })
      .nullable(),
    error: syncError.nullable(),
    syncedAt: z.iso.datetime(),
  })
  .meta({ id: 'SyncResult' });

const itemDiffFields = {
  added: z.array(z.string()),
  changed: z.array(z.string()),
  removed: z.array(z.string()),
  unchanged: z.array(z.string()),
};

export const snapshotSummarySchema = z
  .object({
    id: z.uuid(),
    sourceId: z.uuid(),
    previousSnapshotId: z.uuid().nullable(),
    contentHash: z.string(),
    strategy: z.enum(strategies),
    title: z.string().nullable(),
    itemCount: z.number().int(),
    changes: z.object({
      added: z.number().int(),
      changed: z.number().int(),
      removed: z.number().int(),
      unchanged: z.number().int(),
    }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'SnapshotSummary' });

export const snapshotSchema = snapshotSummarySchema
  .extend({
    items: z.array(itemSchema),
    warnings: z.array(parseWarningSchema),
    issues: z.array(itemIssueSchema),
    diff: z.object(itemDiffFields),
  })
  .meta({ id: 'Snapshot' });

export const snapshotDiffSchema = z
  .object({ snapshotId: z.uuid(), againstSnapshotId: z.uuid(), ...itemDiffFields })
  .meta({ id: 'SnapshotDiff' });
