import { z } from 'zod';
import { draftOptionsInput } from '../generation/draft-options-input.ts';

/**
 * A campaign's items come from exactly one of: a source (its latest snapshot), a snapshot, or
 * items posted with the request. From a source, `onlyChanged` keeps the items added or changed
 * since that source's previous campaign.
 */
export const createCampaignInput = z
  .strictObject({
    ...draftOptionsInput,
    name: z.string().trim().min(1).max(200),
    sourceId: z.uuid().optional(),
    snapshotId: z.uuid().optional(),
    onlyChanged: z.boolean().optional(),
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
  /**
   * The version the edit was made on. When given and the draft has moved on since, the edit is
   * refused (409) instead of silently replacing someone else's newer text.
   */
  baseVersion: z.number().int().min(1).optional(),
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
