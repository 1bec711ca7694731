import { z } from 'zod';
import { parseWarningSchema } from '../../documents/item.ts';
import { channelIds, socialChannelIds } from '../../generation/channels.ts';
import { toneSchema } from '../../generation/tones/tone.ts';

/** Response shapes of the generation routes (types in src/generation/draft.ts). */
export const draftIssueSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  field: z.string(),
  message: z.string(),
});

export const qualitySchema = z.object({
  overall: z.number(),
  readability: z.number(),
  structure: z.number(),
  seo: z.number().nullable(),
  engagement: z.number(),
  brandCompliance: z.number(),
  fleschReadingEase: z.number(),
});

const emailContentSchema = z.object({
  channel: z.literal('email'),
  template: z.string(),
  subject: z.string(),
  preheader: z.string(),
  html: z.string(),
  text: z.string(),
  htmlBytes: z.number().int(),
  itemKeys: z.array(z.string()),
});

const webContentSchema = z.object({
  channel: z.literal('web'),
  title: z.string(),
  slug: z.string(),
  excerpt: z.string(),
  html: z.string(),
  tags: z.array(z.string()),
  seoTitle: z.string(),
  metaDescription: z.string(),
  canonicalUrl: z.string().nullable(),
  jsonLd: z.record(z.string(), z.unknown()),
  openGraph: z.record(z.string(), z.string()),
  toc: z.array(z.object({ level: z.number().int(), text: z.string(), id: z.string() })),
  readingTimeMinutes: z.number().int(),
  itemKeys: z.array(z.string()),
});

const socialContentSchema = z.object({
  channel: z.enum(socialChannelIds as [string, ...string[]]),
  posts: z.array(z.object({ text: z.string(), length: z.number().int() })),
  link: z.string().nullable(),
  hashtags: z.array(z.string()),
  itemKeys: z.array(z.string()),
});

export const draftContentSchema = z.union([
  emailContentSchema,
  webContentSchema,
  socialContentSchema,
]);

export const draftSchema = z
  .object({
    channel: z.enum(channelIds),
    content: draftContentSchema,
    issues: z.array(draftIssueSchema),
    quality: qualitySchema,
  })
  .meta({ id: 'Draft' });

export const previewResultSchema = z
  .object({
    drafts: z.array(draftSchema),
    skipped: z.array(z.object({ channel: z.enum(channelIds), reason: z.string() })),
    itemKeys: z.array(z.string()),
    warnings: z.array(parseWarningSchema),
  })
  .meta({ id: 'PreviewResult' });

export const toneViewSchema = toneSchema.extend({ builtIn: z.boolean() }).meta({ id: 'Tone' });
