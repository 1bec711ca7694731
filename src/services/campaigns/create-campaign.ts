import { itemFacts } from '../../approvals/campaign-facts.ts';
import { appendAuditEntry } from '../../db/queries/audit-log.ts';
import { insertCampaign, latestCampaignOfSource } from '../../db/queries/campaigns.ts';
import { insertDraft, insertDraftVersion } from '../../db/queries/drafts.ts';
import { getSnapshot } from '../../db/queries/snapshots.ts';
import { getSource } from '../../db/queries/sources.ts';
import { diffItems } from '../../documents/diff-items.ts';
import type { Item } from '../../documents/item.ts';
import { parseDocument } from '../../documents/parse-document.ts';
import { appendEvent } from '../../events/append-event.ts';
import type { Draft } from '../../generation/draft.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { campaignAudit } from '../approvals/audit-entry.ts';
import { needsNobody } from '../approvals/needs-nobody.ts';
import { openApprovalRound } from '../approvals/open-round.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import { draftItems } from '../generation/draft-items.ts';
import { selectItems } from '../generation/select-items.ts';
import { getWorkspace } from '../workspaces/get-workspace.ts';
import type { CreateCampaignInput } from './campaign-input.ts';
import { type CampaignView, type DraftView, toCampaignView, toDraftView } from './views.ts';

/** One draft per channel target: the channel, or `<channel>:<item key>` for per-item posts. */
function targetOf(draft: Draft, perItem: boolean): string {
  const key = draft.content.itemKeys[0];
  return perItem && draft.content.channel !== 'email' && draft.content.channel !== 'web' && key
    ? `${draft.channel}:${key}`
    : draft.channel;
}

/**
 * Items → a campaign with one draft per channel target, each stored as version 1. Approved at once
 * when the approval policy needs nobody for it and no draft has an error (approve-if-automatic.ts);
 * otherwise it stays a `draft` until submitted.
 */
export async function createCampaign(
  ctx: ServiceContext,
  input: CreateCampaignInput,
): Promise<CampaignView & { drafts: DraftView[] }> {
  const { items: all, snapshotId, sourceId } = await loadItems(ctx, input);
  const keys =
    input.onlyChanged && sourceId ? await changedKeys(ctx, sourceId, all) : input.itemKeys;
  const items = selectItems(all, keys);
  const workspace = await getWorkspace(ctx);
  const generated = await draftItems(ctx, items, input, { workspace });
  const dryRunKeys = new Set(items.filter((item) => item.dryRun).map((item) => item.key));
  const actor = actorLabel(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const campaign = await insertCampaign(tx, {
      workspaceId: ctx.workspaceId,
      name: input.name,
      sourceId,
      snapshotId,
      itemKeys: items.map((item) => item.key),
      channels: [...input.channels],
      tone: generated.tone,
      template: input.template,
      socialMode: input.socialMode,
      state: 'draft',
      createdBy: actor,
      itemFacts: itemFacts(items),
    });
    const drafts: DraftView[] = [];
    for (const draft of generated.drafts) {
      const body = {
        content: draft.content as unknown as Record<string, unknown>,
        issues: draft.issues as unknown as Record<string, unknown>[],
        quality: draft.quality as unknown as Record<string, unknown>,
      };
      const row = await insertDraft(tx, {
        workspaceId: ctx.workspaceId,
        campaignId: campaign.id,
        channel: draft.channel,
        target: targetOf(draft, input.socialMode === 'per_item'),
        version: 1,
        ...body,
        editedBy: null,
        // One dry-run item keeps the whole draft in the outbox: it must never leave the machine.
        dryRun: draft.content.itemKeys.some((key) => dryRunKeys.has(key)),
      });
      await insertDraftVersion(tx, {
        workspaceId: ctx.workspaceId,
        draftId: row.id,
        version: 1,
        ...body,
        actor,
        reason: 'generated',
      });
      drafts.push(toDraftView(row));
    }
    const automatic = await needsNobody(tx, { campaign, drafts });
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'campaign.created',
      subjectType: 'campaign',
      subjectId: campaign.id,
      actor,
      data: {
        name: campaign.name,
        channels: campaign.channels,
        drafts: drafts.length,
        state: automatic ? 'approved' : 'draft',
      },
    });
    await appendAuditEntry(
      tx,
      campaignAudit(ctx.workspaceId, campaign.id, actor, 'campaign.created', {
        after: { name: campaign.name, channels: campaign.channels, itemKeys: campaign.itemKeys },
      }),
    );
    const current = automatic
      ? (await openApprovalRound(tx, { campaign, drafts, actor, reason: 'created' })).campaign
      : campaign;
    return { ...toCampaignView(current), drafts };
  });
}

async function loadItems(
  ctx: ServiceContext,
  input: CreateCampaignInput,
): Promise<{ items: Item[]; snapshotId: string | null; sourceId: string | null }> {
  if (input.items !== undefined) {
    const parsed = parseDocument(JSON.stringify({ items: input.items }), { strategy: 'json' });
    return { items: parsed.items, snapshotId: null, sourceId: null };
  }
  let snapshotId = input.snapshotId ?? null;
  if (input.sourceId !== undefined) {
    const source = await getSource(ctx.db, { workspaceId: ctx.workspaceId, id: input.sourceId });
    if (!source) throw notFound('Source');
    if (!source.latestSnapshotId)
      throw new AppError('unprocessable', 'This source has no snapshot yet; sync it first.');
    snapshotId = source.latestSnapshotId;
  }
  const snapshot = snapshotId
    ? await getSnapshot(ctx.db, { workspaceId: ctx.workspaceId, id: snapshotId })
    : undefined;
  if (!snapshot) throw notFound('Snapshot');
  return { items: snapshot.items, snapshotId: snapshot.id, sourceId: snapshot.sourceId };
}

/** Keys added or changed since the snapshot of the source's previous campaign (all, if none). */
async function changedKeys(
  ctx: ServiceContext,
  sourceId: string,
  items: Item[],
): Promise<string[]> {
  const previous = await latestCampaignOfSource(ctx.db, { workspaceId: ctx.workspaceId, sourceId });
  if (!previous?.snapshotId) return items.map((item) => item.key);
  const before = await getSnapshot(ctx.db, {
    workspaceId: ctx.workspaceId,
    id: previous.snapshotId,
  });
  const diff = diffItems(before?.items ?? [], items);
  const keys = [...diff.added, ...diff.changed];
  if (keys.length === 0)
    throw new AppError(
      'unprocessable',
      'Nothing changed since the previous campaign of this source.',
    );
  return keys;
}
