import { z } from 'zod';
import { strategies } from '../../documents/item.ts';
import { channelIds } from '../../generation/channels.ts';
import { emailTemplateIds } from '../../generation/generation-input.ts';
import { documentText } from '../sources/source-input.ts';

/**
 * A preview request: the items come from exactly one of `text` (a living document), `snapshotId`
 * (a stored snapshot) or `items` (structured items, as in the JSON document format).
 */
export const previewInput = z
  .strictObject({
    text: documentText.optional(),
    strategy: z.enum(strategies).optional(),
    snapshotId: z.uuid().optional(),
    items: z.array(z.record(z.string(), z.unknown())).min(1).max(1000).optional(),
    /** Only these items (by key); default all publishable items. */
    itemKeys: z.array(z.string().min(1).max(500)).min(1).max(1000).optional(),
    channels: z
      .array(z.enum(channelIds))
      .min(1)
      .max(channelIds.length)
      .refine((list) => new Set(list).size === list.length, 'must not repeat a channel'),
    /** A tone id (GET /v1/tones); default the brand's default tone, else `professional`. */
    tone: z.string().min(1).max(50).optional(),
    template: z.enum(emailTemplateIds).default('modern'),
    socialMode: z.enum(['lead', 'per_item']).default('lead'),
    itemsPerSection: z.number().int().min(1).max(50).default(3),
    footerSections: z.array(z.string().min(1).max(100)).max(20).default([]),
    /** `utm_campaign` and the web slug's base; default from the lead item's title. */
    campaignSlug: z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/, 'is lower-case letters, digits and -')
      .optional(),
  })
  .superRefine((input, context) => {
    const given = (['text', 'snapshotId', 'items'] as const).filter(
      (field) => input[field] !== undefined,
    );
    if (given.length !== 1)
      context.addIssue({
        code: 'custom',
        path: given[1] !== undefined ? [given[1]] : ['text'],
        message: 'give exactly one of text, snapshotId or items',
      });
  });
export type PreviewInput = z.input<typeof previewInput>;
export type ParsedPreviewInput = z.output<typeof previewInput>;
