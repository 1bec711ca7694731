import { getSnapshotItemHashes, insertSnapshot } from '../../db/queries/snapshots.ts';
import { getSource, lockSource, type Source, updateSource } from '../../db/queries/sources.ts';
import type { SyncStatus } from '../../db/schema.ts';
import { diffItems, type ItemDiff } from '../../documents/diff-items.ts';
import type { ParseResult } from '../../documents/item.ts';
import { parseDocument } from '../../documents/parse-document.ts';
import { appendEvent } from '../../events/append-event.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { sourceKindOf } from '../../sources/registry.ts';
import type { ReadContext, SourceDocument, SourceKind } from '../../sources/source-kind.ts';
import { SourceReadError } from '../../sources/source-read-error.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import type { SyncSourceInput } from './source-input.ts';

export interface SyncCounts {
  items: number;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  warnings: number;
  issues: number;
}

export interface SyncResult {
  sourceId: string;
  /** created = a new snapshot; unchanged = same document, no snapshot; failed = nothing stored. */
  status: SyncStatus;
  /** The new snapshot, or the latest one when unchanged or failed (null before any). */
  snapshotId: string | null;
  counts: SyncCounts | null;
  error: { code: string; message: string } | null;
  syncedAt: string;
}

export type SyncTrigger = 'create' | 'manual' | 'schedule';

/**
 * Reads a source's document, parses it and stores a snapshot with its diff against the previous
 * one. Reading (network) and parsing (CPU) happen outside any transaction; storing happens under a
 * row lock on the source, so concurrent syncs of one source take turns and each diffs against the
 * snapshot before it. A document whose hash equals the latest snapshot's stores nothing. A failed
 * read stores only the reason on the source: the previous snapshot stays the latest.
 */
export async function syncSource(
  ctx: ServiceContext,
  input: SyncSourceInput & { sourceId: string; trigger: SyncTrigger },
  context: ReadContext & { now?: Date },
): Promise<SyncResult> {
  const source = await getSource(ctx.db, { workspaceId: ctx.workspaceId, id: input.sourceId });
  if (!source) throw notFound('Source');
  const kind = sourceKindOf(source.kind);
  if (!kind)
    throw new AppError('unprocessable', `Sources of kind ${source.kind} cannot be synced.`);
  if (input.text !== undefined && !kind.holdsContent) {
    throw new AppError(
      'unprocessable',
      `A ${source.kind} source reads its own document; only markdown sources take text in a sync.`,
    );
  }
  let document: SourceDocument;
  try {
    document =
      input.text !== undefined
        ? { text: input.text, strategyHint: null }
        : await kind.read(
            { settings: readSettings(kind, source), content: source.content },
            context,
          );
  } catch (error) {
    if (!(error instanceof SourceReadError)) throw error;
    return recordFailure(ctx, source, input.trigger, error, context.now ?? new Date());
  }
  const parsed = parseDocument(document.text, {
    strategy: source.strategy ?? document.strategyHint ?? undefined,
    ...(context.now && { now: context.now }),
  });
  const contentHash = sha256Hex(`${parsed.strategy}\n${document.text}`);
  return storeSnapshot(ctx, source, { input, parsed, contentHash, text: document.text }, context);
}

async function storeSnapshot(
  ctx: ServiceContext,
  source: Source,
  read: {
    input: SyncSourceInput & { trigger: SyncTrigger };
    parsed: ParseResult;
    contentHash: string;
    text: string;
  },
  context: { now?: Date },
): Promise<SyncResult> {
  const { input, parsed, contentHash, text } = read;
  return ctx.db.transaction(async (tx) => {
    const locked = await lockSource(tx, { workspaceId: ctx.workspaceId, id: source.id });
    if (!locked) throw notFound('Source');
    const now = context.now ?? new Date();
    const previous = locked.latestSnapshotId
      ? await getSnapshotItemHashes(tx, {
          workspaceId: ctx.workspaceId,
          id: locked.latestSnapshotId,
        })
      : undefined;
    const unchanged = previous !== undefined && previous.contentHash === contentHash;
    const diff: ItemDiff = diffItems(previous?.items ?? [], parsed.items);
    let snapshotId = previous?.id ?? null;
    if (!unchanged) {
      const snapshot = await insertSnapshot(tx, {
        workspaceId: ctx.workspaceId,
        sourceId: source.id,
        previousSnapshotId: previous?.id ?? null,
        contentHash,
        rawText: text,
        strategy: parsed.strategy,
        title: parsed.title,
        items: parsed.items,
        warnings: parsed.warnings,
        issues: parsed.issues,
        diff,
        itemCount: parsed.items.length,
      });
      snapshotId = snapshot.id;
    }
    const status: SyncStatus = unchanged ? 'unchanged' : 'created';
    await updateSource(tx, {
      workspaceId: ctx.workspaceId,
      id: source.id,
      changes: {
        ...(input.text !== undefined && { content: input.text }),
        ...(input.filename !== undefined && {
          settings: { ...locked.settings, filename: input.filename },
        }),
        latestSnapshotId: snapshotId,
        lastSyncAt: now,
        lastSyncStatus: status,
        lastSyncError: null,
        nextSyncAt: nextSyncAt(locked, now),
      },
    });
    const counts: SyncCounts = {
      items: parsed.items.length,
      added: diff.added.length,
      changed: diff.changed.length,
      removed: diff.removed.length,
      unchanged: diff.unchanged.length,
      warnings: parsed.warnings.length,
      issues: parsed.issues.length,
    };
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'source.synced',
      subjectType: 'source',
      subjectId: source.id,
      actor: actorLabel(ctx.actor),
      data: { status, snapshotId, trigger: input.trigger, counts },
    });
    return {
      sourceId: source.id,
      status,
      snapshotId,
      counts,
      error: null,
      syncedAt: now.toISOString(),
    };
  });
}

async function recordFailure(
  ctx: ServiceContext,
  source: Source,
  trigger: SyncTrigger,
  failure: SourceReadError,
  now: Date,
): Promise<SyncResult> {
  const error = { code: failure.code, message: failure.message };
  return ctx.db.transaction(async (tx) => {
    const locked = await lockSource(tx, { workspaceId: ctx.workspaceId, id: source.id });
    if (!locked) throw notFound('Source');
    await updateSource(tx, {
      workspaceId: ctx.workspaceId,
      id: source.id,
      changes: {
        lastSyncAt: now,
        lastSyncStatus: 'failed',
        lastSyncError: error,
        nextSyncAt: nextSyncAt(locked, now),
      },
    });
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'source.sync_failed',
      subjectType: 'source',
      subjectId: source.id,
      actor: actorLabel(ctx.actor),
      data: { trigger, error, latestSnapshotId: locked.latestSnapshotId },
    });
    return {
      sourceId: source.id,
      status: 'failed',
      snapshotId: locked.latestSnapshotId,
      counts: null,
      error,
      syncedAt: now.toISOString(),
    };
  });
}

/** Scheduled sources sync again one interval after any sync, whatever started it. */
function nextSyncAt(source: Source, now: Date): Date | null {
  return source.syncIntervalMinutes === null
    ? null
    : new Date(now.getTime() + source.syncIntervalMinutes * 60_000);
}

/** Stored settings are checked against the kind's schema before use, like any input. */
function readSettings(kind: SourceKind, source: Source): object {
  const parsed = kind.settingsSchema.safeParse(source.settings);
  if (!parsed.success)
    throw new SourceReadError(
      'invalid_settings',
      `This ${source.kind} source's settings are invalid: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`,
    );
  return parsed.data;
}
