import { z } from 'zod';
import { channelIds } from '../../generation/channels.ts';
import { emailTemplateIds } from '../../generation/generation-input.ts';

/** Request fields previews and campaigns share: which items, which channels, in which voice. */
export const draftOptionsInput = {
  /** Items posted with the request, in the structured-JSON document format. */
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
};
