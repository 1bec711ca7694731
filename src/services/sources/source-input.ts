import { z } from 'zod';
import { strategies } from '../../documents/item.ts';
import { type SourceKindName, sourceKindNames } from '../../sources/registry.ts';

/** The largest document a source holds or fetches (URL sources cap their fetch at the same size). */
export const DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;

const name = z.string().trim().min(1).max(200);
const strategy = z.enum(strategies);
/** Scheduled syncs: every N minutes, from 1 minute to 1 week. */
const syncIntervalMinutes = z
  .number()
  .int()
  .min(1)
  .max(7 * 24 * 60);
export const documentText = z
  .string()
  .max(DOCUMENT_MAX_BYTES, 'must be at most 5 MB')
  .refine((text) => Buffer.byteLength(text) <= DOCUMENT_MAX_BYTES, 'must be at most 5 MB');
const filename = z.string().trim().min(1).max(255);
const url = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).max(2048);

/** Which kind-specific fields each kind requires and accepts on create; typed, so a new kind in the registry must say. */
const createFieldsByKind: Record<
  SourceKindName,
  { required: readonly KindField[]; accepted: readonly KindField[] }
> = {
  markdown: { required: ['text'], accepted: ['text', 'filename'] },
  url: { required: ['url'], accepted: ['url', 'syncIntervalMinutes'] },
};
const kindFields = ['text', 'filename', 'url', 'syncIntervalMinutes'] as const;
type KindField = (typeof kindFields)[number];

/**
 * Creating a source. One flat object rather than a union per kind, so that a mistake is reported
 * on the field at fault (`url` does not apply to markdown sources) instead of on `kind`.
 */
export const createSourceInput = z
  .strictObject({
    kind: z.enum(sourceKindNames),
    name,
    /** markdown: the document (Markdown, structured JSON as text, or freeform notes). */
    text: documentText.optional(),
    /** markdown: the uploaded file's name. */
    filename: filename.optional(),
    /** url: where the document is served. */
    url: url.optional(),
    /** url: sync on a schedule, every N minutes; omit for syncs on demand only. */
    syncIntervalMinutes: syncIntervalMinutes.optional(),
    strategy: strategy.optional(),
  })
  .superRefine((input, context) => {
    const { required, accepted } = createFieldsByKind[input.kind];
    for (const field of kindFields) {
      const given = input[field] !== undefined;
      if (!given && required.includes(field))
        context.addIssue({
          code: 'custom',
          path: [field],
          message: `is required for ${input.kind} sources`,
        });
      if (given && !accepted.includes(field))
        context.addIssue({
          code: 'custom',
          path: [field],
          message: `does not apply to ${input.kind} sources`,
        });
    }
  });
export type CreateSourceInput = z.infer<typeof createSourceInput>;

/** Changing a source; fields that do not apply to its kind are refused with 422. */
export const updateSourceInput = z.strictObject({
  name: name.optional(),
  /** null = detect the strategy again. */
  strategy: strategy.nullable().optional(),
  url: url.optional(),
  filename: filename.optional(),
  /** null = stop syncing on a schedule. */
  syncIntervalMinutes: syncIntervalMinutes.nullable().optional(),
});
export type UpdateSourceInput = z.infer<typeof updateSourceInput>;

/** A sync may bring a new version of a document kept in Toombos (markdown sources). */
export const syncSourceInput = z.strictObject({
  text: documentText.optional(),
  filename: filename.optional(),
});
export type SyncSourceInput = z.infer<typeof syncSourceInput>;
