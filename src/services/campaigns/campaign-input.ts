import { z } from 'zod';
import { channelIds } from '../../generation/channels.ts';
import { emailTemplateIds } from '../../generation/generation-input.ts';

/**
 * A campaign's items come from exactly one of: a source (its latest snapshot), a snapshot, or
 * items posted with the request. From a source, `onlyChanged` keeps the items added or changed
 * since that source's previous campaign.
 */
export const createCampaignInput = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    sourceId: z.uuid().optional(),
    snapshotId: z.uuid().optional(),
    items: z.array(z.record(z.string(), z.unknown())).min(1).max(1000).optional(),
    itemKeys: z.array(z.string().min(1).max(500)).min(1).max(1000).optional(),
    onlyChanged: z.boolean().optional(),
    channels: z
      .array(z.enum(channelIds))
      .min(1)
      .max(channelIds.length)
      .refine((list) => new Set(list).size === list.length, 'must not repeat a channel'),
    tone: z.string().min(1).max(50).optional(),
    template: z.enum(emailTemplateIds).default('modern'),
    socialMode: z.enum(['lead', 'per_item']).default('lead'),
  })
  .superRefine((input, context) => {
    const given = (['sourceId', 'snapshotId', 'items'] as const).filter(
      (field) => input[field] !== undefined,
    );
    if (given.length !== 1)
      context.addIssue({
        code: 'custom',
        path: [given[1] ?? 'sourceId'],
        message: 'give exactly one of sourceId, snapshotId or items',
      });
    if (input.onlyChanged && input.sourceId === undefined)
      context.addIssue({ code: 'custom', path: ['onlyChanged'], message: 'needs sourceId' });
    if (input.onlyChanged && input.itemKeys !== undefined)
      context.addIssue({
        code: 'custom',
        path: ['itemKeys'],
        message: 'cannot be combined with onlyChanged',
      });
  });
export type CreateCampaignInput = z.output<typeof createCampaignInput>;

/** A person's edit of a draft: the fields of its channel's content they may change. */
export const editDraftInput = z.strictObject({
  /** Why, in a few words; kept with the version. */
  note: z.string().trim().min(1).max(500).optional(),
  subject: z.string().max(300).optional(),
  preheader: z.string().max(500).optional(),
  text: z.string().max(1_000_000).optional(),
  title: z.string().max(500).optional(),
  excerpt: z.string().max(1000).optional(),
  metaDescription: z.string().max(1000).optional(),
  seoTitle: z.string().max(300).optional(),
  posts: z
    .array(z.strictObject({ text: z.string().min(1).max(70_000) }))
    .min(1)
    .max(50)
    .optional(),
});
export type EditDraftInput = z.output<typeof editDraftInput>;
