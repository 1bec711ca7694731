import type { Db } from '../../db/client.ts';
import { appendAuditEntry } from '../../db/queries/audit-log.ts';
import {
  type Campaign,
  getCampaign,
  lockCampaign,
  updateCampaign,
} from '../../db/queries/campaigns.ts';
import {
  deleteScheduledDeliveries,
  listDeliveriesOfCampaign,
} from '../../db/queries/deliveries.ts';
import {
  getDraft,
  insertDraftVersion,
  listDraftsOfCampaign,
  updateDraftVersion,
} from '../../db/queries/drafts.ts';
import { appendEvent } from '../../events/append-event.ts';
import { brandContext } from '../../generation/brand-context.ts';
import { channels } from '../../generation/channels.ts';
import type { DraftContent, DraftIssue } from '../../generation/draft.ts';
import { scoreDraft } from '../../generation/quality/score-draft.ts';
import { measureLength } from '../../generation/social/measure-length.ts';
import { editedDraftIssues } from '../../generation/validation/edited-draft-issues.ts';
import { validateDraft } from '../../generation/validation/validate-draft.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { reopenApproval } from '../approvals/reopen-approval.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import { resolveTone } from '../generation/resolve-tone.ts';
import { getWorkspace } from '../workspaces/get-workspace.ts';
import type { EditDraftInput } from './campaign-input.ts';
import { type DraftView, toDraftView } from './views.ts';

/** Which edit fields apply to which kind of content; others are refused with 422. */
const editableFields = {
  email: ['subject', 'preheader', 'text'],
  web: ['title', 'excerpt', 'metaDescription', 'seoTitle'],
  social: ['posts'],
} as const;

/** Someone saved the draft after the version this edit was made on. */
function movedOn(currentVersion?: number): AppError {
  return new AppError(
    'conflict',
    'The draft changed meanwhile (someone saved a newer version); reload it and edit again.',
    currentVersion === undefined ? {} : { currentVersion },
  );
}

/** States in which a draft can still change: once publishing starts, what went out is final. */
const EDITABLE_STATES = new Set(['draft', 'pending_approval', 'approved', 'scheduled']);

/**
 * A person's edit: a new version of the draft, re-checked (channel limits, prohibited phrases,
 * tone caps, health claims) and re-scored. An edit of a campaign in approval, approved or
 * scheduled resets its approvals (they were of the previous text), records why, and evaluates it
 * again: back to `pending_approval` with a new round (or approved at once, or `draft` on errors).
 */
export async function editDraft(
  ctx: ServiceContext,
  { id, note, baseVersion, ...changes }: EditDraftInput & { id: string },
): Promise<DraftView> {
  const current = await getDraft(ctx.db, { workspaceId: ctx.workspaceId, id });
  if (!current) throw notFound('Draft');
  if (baseVersion !== undefined && baseVersion !== current.version) throw movedOn(current.version);
  const content = applyChanges(current.content as unknown as DraftContent, changes);
  const workspace = await getWorkspace(ctx);
  const brand = brandContext(workspace.name, workspace.brand);
  const campaignBefore = await getCampaign(ctx.db, {
    workspaceId: ctx.workspaceId,
    id: current.campaignId,
  });
  if (!campaignBefore) throw notFound('Draft');
  const tone = await resolveTone(ctx, { id: campaignBefore.tone });
  const issues: DraftIssue[] = [
    ...editedDraftIssues(content),
    ...validateDraft(content.channel, content, {
      tone,
      prohibitedPhrases: brand.prohibitedPhrases,
    }),
  ];
  const quality = scoreDraft(content, issues, { tone });
  const actor = actorLabel(ctx.actor);
  const body = {
    content: content as unknown as Record<string, unknown>,
    issues: issues as unknown as Record<string, unknown>[],
    quality: quality as unknown as Record<string, unknown>,
  };
  return ctx.db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, {
      workspaceId: ctx.workspaceId,
      id: current.campaignId,
    });
    if (!campaign) throw notFound('Draft');
    if (!EDITABLE_STATES.has(campaign.state))
      throw new AppError(
        'conflict',
        `The campaign is ${campaign.state}; its drafts can no longer change.`,
      );
    if (campaign.state === 'scheduled') await unschedule(tx, campaign);
    const row = await updateDraftVersion(tx, {
      workspaceId: ctx.workspaceId,
      id,
      fromVersion: current.version,
      body,
      editedBy: actor,
    });
    if (!row) throw movedOn();
    await insertDraftVersion(tx, {
      workspaceId: ctx.workspaceId,
      draftId: id,
      version: row.version,
      ...body,
      actor,
      reason: note ?? 'edited',
    });
    if (campaign.state !== 'draft') {
      const drafts = await listDraftsOfCampaign(tx, {
        workspaceId: ctx.workspaceId,
        campaignId: campaign.id,
      });
      await reopenApproval(tx, {
        campaign,
        drafts: drafts.map(toDraftView),
        actor,
        reason: `draft ${row.target} edited by ${actor} (version ${row.version})${note ? `: ${note}` : ''}`,
        closeAs: 'reset',
      });
    }
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'draft.edited',
      subjectType: 'draft',
      subjectId: id,
      actor,
      data: { campaignId: campaign.id, version: row.version, fields: Object.keys(changes) },
    });
    const before = current.content as Record<string, unknown>;
    const fields = Object.keys(changes);
    await appendAuditEntry(tx, {
      workspaceId: ctx.workspaceId,
      action: 'draft.edited',
      resourceType: 'draft',
      resourceId: id,
      actor,
      before: { version: current.version, ...pick(before, fields) },
      after: { version: row.version, ...pick(body.content, fields) },
      data: { campaignId: campaign.id, note: note ?? null },
    });
    return toDraftView(row);
  });
}

function applyChanges(content: DraftContent, changes: Omit<EditDraftInput, 'note'>): DraftContent {
  const kind =
    content.channel === 'email' || content.channel === 'web' ? content.channel : 'social';
  const allowed: readonly string[] = editableFields[kind];
  const refused = Object.keys(changes).filter((field) => !allowed.includes(field));
  if (refused.length > 0)
    throw new AppError(
      'unprocessable',
      `A ${content.channel} draft has no editable ${refused.join(', ')}.`,
      {
        errors: refused.map((field) => ({
          field: `body.${field}`,
          message: `does not apply to ${content.channel} drafts`,
        })),
      },
    );
  if (content.channel === 'email') return { ...content, ...changes } as DraftContent;
  if (content.channel === 'web') return { ...content, ...changes } as DraftContent;
  const { counting } = channels[content.channel].limits;
  return changes.posts === undefined
    ? content
    : {
        ...content,
        posts: changes.posts.map((post) => ({
          text: post.text,
          length: measureLength(post.text, counting),
        })),
      };
}

function pick(
  content: Record<string, unknown>,
  fields: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, content[field] ?? null]));
}

/** An edit needs a new approval, so a scheduled campaign loses its (not yet started) deliveries. */
async function unschedule(db: Db, campaign: Campaign): Promise<void> {
  const scope = { workspaceId: campaign.workspaceId, campaignId: campaign.id };
  const deliveries = await listDeliveriesOfCampaign(db, scope);
  if (deliveries.some((delivery) => delivery.state !== 'scheduled'))
    throw new AppError('conflict', 'Publishing has started; its drafts can no longer change.');
  await deleteScheduledDeliveries(db, scope);
  await updateCampaign(
    db,
    { workspaceId: campaign.workspaceId, id: campaign.id },
    {
      scheduledAt: null,
      scheduleZone: null,
      sendBy: null,
      approvalExpiresAt: null,
    },
  );
}
