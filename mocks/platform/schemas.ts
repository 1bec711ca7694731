import { z } from 'zod';

const slugPattern = /^[a-z0-9-]+$/;

/** The fields of a content item, without cross-field rules, so PATCH can make them optional. */
const contentFields = z.object({
  title: z.string().min(1).max(300),
  content_html: z.string(),
  content_markdown: z.string().optional(),
  excerpt: z.string().optional(),
  slug: z.string().min(1).max(100).regex(slugPattern, 'slug may contain only a-z, 0-9 and -'),
  type: z.enum(['post', 'page']),
  status: z.enum(['draft', 'published', 'scheduled']),
  tags: z.array(z.string()).max(30).optional(),
  seo: z.object({ title: z.string().optional(), description: z.string().optional() }).optional(),
  scheduled_at: z.iso.datetime({ offset: true }).optional(),
});

const scheduledNeedsDate = (
  value: { status?: string | undefined; scheduled_at?: string | undefined },
  ctx: z.RefinementCtx,
): void => {
  if (value.status === 'scheduled' && value.scheduled_at === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['scheduled_at'],
      message: 'scheduled_at is required when status is scheduled',
    });
};

/** POST body: every contract field, with scheduled_at required for scheduled posts. */
export const createContentBody = contentFields.superRefine(scheduledNeedsDate);

/** PATCH body: some or all of the fields; the merged result is checked again with createContentBody. */
export const patchContentBody = contentFields.partial();

/** The list query: the extension that resolves an unknown outcome without resending. */
export const listContentQuery = z.object({
  idempotency_key: z.string().min(1).optional(),
  slug: z.string().min(1).optional(),
});

/** The Idempotency-Key header, when sent. */
export const idempotencyKeyHeader = z.string().min(1).max(255);

export type ContentInput = z.infer<typeof createContentBody>;
export type ContentPatch = z.infer<typeof patchContentBody>;

/** Field-by-field messages, so a client bug shows which field it got wrong. */
export function describeIssues(error: z.ZodError): {
  message: string;
  details: Array<{ field: string; message: string }>;
} {
  const details = error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
  return {
    message: details.map((detail) => `${detail.field}: ${detail.message}`).join('; '),
    details,
  };
}
