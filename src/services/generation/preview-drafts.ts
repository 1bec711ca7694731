import { getSnapshot } from '../../db/queries/snapshots.ts';
import type { Item, ParseWarning } from '../../documents/item.ts';
import { parseDocument } from '../../documents/parse-document.ts';
import { slug } from '../../documents/slug.ts';
import { brandContext } from '../../generation/brand-context.ts';
import { type GenerationResult, generateDrafts } from '../../generation/generate-drafts.ts';
import { leadItem } from '../../generation/generation-input.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { ServiceContext } from '../context.ts';
import type { WorkspaceView } from '../workspaces/workspace-view.ts';
import type { ParsedPreviewInput } from './preview-input.ts';
import { resolveTone } from './resolve-tone.ts';

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
  const tone = await resolveTone(ctx, {
    id: input.tone ?? workspace.brand.defaultTone ?? 'professional',
  });
  const lead = leadItem(items);
  const result = await generateDrafts(
    {
      items,
      tone,
      brand: brandContext(workspace.name, workspace.brand),
      template: input.template,
      campaignSlug: input.campaignSlug ?? (slug(lead?.title ?? '').slice(0, 60) || 'newsletter'),
      itemsPerSection: input.itemsPerSection,
      footerSections: input.footerSections,
      socialMode: input.socialMode,
    },
    input.channels,
  );
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

/** Publishable items, optionally only the chosen keys; none left is the caller's problem (422). */
function selectItems(items: Item[], keys: string[] | undefined): Item[] {
  const wanted = keys === undefined ? null : new Set(keys);
  const unknown = keys?.filter((key) => !items.some((item) => item.key === key)) ?? [];
  if (unknown.length > 0)
    throw new AppError(
      'unprocessable',
      `No item with key ${unknown.map((key) => `"${key}"`).join(', ')}.`,
      {
        errors: [{ field: 'body.itemKeys', message: `unknown keys: ${unknown.join(', ')}` }],
      },
    );
  const selected = items.filter(
    (item) => item.published && (wanted === null || wanted.has(item.key)),
  );
  if (selected.length === 0)
    throw new AppError('unprocessable', 'There is no publishable item to preview.', {
      errors: [{ field: 'body', message: 'no item with published: true was found' }],
    });
  return selected;
}
