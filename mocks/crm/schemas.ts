import { z } from 'zod';

export const maxRecipients = 1000;

const required = (field: string) => z.string({ error: `${field} is required` });

export const batchBody = z.object({
  subject: required('subject').refine((value) => value.trim() !== '', 'subject is required'),
  html: required('html').min(1, 'html is required'),
  text: z.string({ error: 'text must be a string' }).optional(),
  recipients: z
    .array(
      z.object({
        email: z.email({ error: 'must be a valid email address' }),
        merge_vars: z.record(z.string(), z.unknown()).optional(),
      }),
      { error: 'recipients is required (an array of {email, merge_vars})' },
    )
    .min(1, 'recipients must not be empty')
    .max(maxRecipients, `at most ${maxRecipients} recipients per batch`),
  campaign_id: z.string({ error: 'campaign_id must be a string' }).min(1).optional(),
  idempotency_key: required('idempotency_key')
    .min(1, 'idempotency_key is required')
    .max(255, 'idempotency_key is at most 255 characters'),
});

export type BatchBody = z.infer<typeof batchBody>;

export const subscribersQuery = z.object({
  status: z.enum(['active', 'unsubscribed']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().optional(),
});

export const batchLookupQuery = z.object({
  idempotency_key: required('idempotency_key').min(1, 'idempotency_key is required'),
});
