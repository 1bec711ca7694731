import { z } from 'zod';

/** The unit of content every source is parsed into (PRODUCT.md §2–§4). */
export const itemTypes = ['update', 'blog', 'announcement', 'session'] as const;
export type ItemType = (typeof itemTypes)[number];

export const urgencies = ['low', 'medium', 'high', 'critical'] as const;
export const sessionTypes = ['live', 'guided', 'practice', 'workshop'] as const;

/** Type-specific fields; each is optional because documents are written by people. */
export const typeFieldsSchema = z.object({
  // blog
  seoDescription: z.string().optional(),
  keywords: z.array(z.string()).optional(),
  // announcement
  urgency: z.enum(urgencies).optional(),
  expiresAt: z.string().optional(),
  mediaContact: z.string().optional(),
  // session
  sessionId: z.string().optional(),
  durationSeconds: z.number().optional(),
  participants: z.number().optional(),
  techniques: z.array(z.string()).optional(),
  averageImprovement: z.number().optional(),
  achievements: z.array(z.string()).optional(),
  sessionType: z.enum(sessionTypes).optional(),
  instructor: z.string().optional(),
});
export type TypeFields = z.infer<typeof typeFieldsSchema>;

export const itemSchema = z.object({
  /** Stable across syncs: `<section slug>/<title slug>`. */
  key: z.string().min(1),
  /** Section key: the `[Tag]` of its `##` heading, else the heading's slug; `notes` for freeform. */
  section: z.string().min(1),
  sectionHeading: z.string().nullable(),
  title: z.string().min(1),
  /** Markdown, as written (never HTML-rendered here). */
  body: z.string(),
  /** `YYYY-MM-DD`, or an ISO instant in UTC when a time was given. */
  date: z.string().nullable(),
  type: z.enum(itemTypes),
  /** 1 = urgent … 5 = low. */
  priority: z.number().int().min(1).max(5),
  featured: z.boolean(),
  /** false = draft: no channel ever sends it. */
  published: z.boolean(),
  /** Previewed, never sent. */
  dryRun: z.boolean(),
  /** null = every channel. */
  channels: z.array(z.string()).nullable(),
  tags: z.array(z.string()),
  link: z.string().nullable(),
  callToAction: z.string().nullable(),
  category: z.string().nullable(),
  /** ISO instant in UTC. */
  scheduledFor: z.string().nullable(),
  template: z.string().nullable(),
  fields: typeFieldsSchema,
  /** Field lines with keys we do not know, kept verbatim. */
  metadata: z.record(z.string(), z.string()),
  /** SHA-256 of the item's content: a change of any field or of the body changes it. */
  contentHash: z.string(),
  /** 1-based line where the item starts in the source text (0 for structured input). */
  line: z.number().int().min(0),
});
export type Item = z.infer<typeof itemSchema>;

export const parseWarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** 1-based; 0 when the warning is about the whole document. */
  line: z.number().int().min(0),
  itemKey: z.string().optional(),
});
export type ParseWarning = z.infer<typeof parseWarningSchema>;

/**
 * A PRODUCT.md §4 rule the item breaks. Derived from the item on every parse, so it lives on the
 * parse result and not on the item (whose every field feeds the content hash).
 */
export const itemIssueSchema = z.object({
  itemKey: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  /** The Item field at fault: `title`, `tags`, `fields.durationSeconds`, … */
  field: z.string(),
  message: z.string(),
});
export type ItemIssue = z.infer<typeof itemIssueSchema>;

export const strategies = ['markdown', 'json', 'freeform'] as const;
export type Strategy = (typeof strategies)[number];

export const parseResultSchema = z.object({
  strategy: z.enum(strategies),
  title: z.string().nullable(),
  items: z.array(itemSchema),
  warnings: z.array(parseWarningSchema),
  issues: z.array(itemIssueSchema),
});
export type ParseResult = z.infer<typeof parseResultSchema>;

export interface ParseOptions {
  /** Force a strategy instead of detecting it. */
  strategy?: Strategy | undefined;
  /** "Now" for stale checks; tests fix it. */
  now?: Date | undefined;
}
