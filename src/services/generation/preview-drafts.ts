import { getSnapshot } from '../../db/queries/snapshots.ts';
import type { Item, ParseWarning } from '../../documents/item.ts';
import { parseDocument } from '../../documents/parse-document.ts';
import type { GenerationResult } from '../../generation/generate-drafts.ts';
import { notFound } from '../../lib/errors.ts';
import type { ServiceContext } from '../context.ts';
import type { WorkspaceView } from '../workspaces/workspace-view.ts';
import { draftItems } from './draft-items.ts';
import type { ParsedPreviewInput } from './preview-input.ts';
import { selectItems } from './select-items.ts';

export interface PreviewResult extends GenerationResult {
  /** Items the drafts were made from. */
  itemKeys: string[];
  /** Problems found while parsing a `text` document (none for snapshots). */
  warnings: ParseWarning[];
}

/**
 * Drafts for every requested channel from a document, a snapshot or posted items; nothing is
 * stored. `workspace` is the caller's workspace (the API passes its cached view).
 */
export async function previewDrafts(
  ctx: ServiceContext,
  input: ParsedPreviewInput,
  { workspace }: { workspace: WorkspaceView },
): Promise<PreviewResult> {
  const { items: all, warnings } = await loadItems(ctx, input);
  const items = selectItems(all, input.itemKeys);
  const { tone: _tone, ...result } = await draftItems(ctx, items, input, { workspace });
  return { ...result, itemKeys: items.map((item) => item.key), warnings };
}

async function loadItems(
  ctx: ServiceContext,
  input: ParsedPreviewInput,
): Promise<{ items: Item[]; warnings: ParseWarning[] }> {
  if (input.snapshotId !== undefined) {
    const snapshot = await getSnapshot(ctx.db, {
      workspaceId: ctx.workspaceId,
      id: input.snapshotId,
    });
    if (!snapshot) throw notFound('Snapshot');
    return { items: snapshot.items, warnings: [] };
  }
  // Posted items go through the structured-JSON parser: the same normalising as a JSON document.
  const parsed =
    input.items !== undefined
      ? parseDocument(JSON.stringify({ items: input.items }), { strategy: 'json' })
      : parseDocument(input.text ?? '', { strategy: input.strategy });
  return { items: parsed.items, warnings: parsed.warnings };
}
