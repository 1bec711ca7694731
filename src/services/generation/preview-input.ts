import { z } from 'zod';
import { strategies } from '../../documents/item.ts';
import { documentText } from '../sources/source-input.ts';
import { draftOptionsInput } from './draft-options-input.ts';

/**
 * A preview request: the items come from exactly one of `text` (a living document), `snapshotId`
 * (a stored snapshot) or `items` (structured items, as in the JSON document format).
 */
export const previewInput = z
  .strictObject({
    ...draftOptionsInput,
    text: documentText.optional(),
    strategy: z.enum(strategies).optional(),
    snapshotId: z.uuid().optional(),
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
