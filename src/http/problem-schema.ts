import { z } from 'zod';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .loose()
  .meta({ id: 'Problem', description: 'RFC 9457 problem details (application/problem+json)' });

/** The error responses every protected route may give; listed so the OpenAPI document is honest. */
export const problemResponses = {
  '4XX': problemSchema,
  '5XX': problemSchema,
} as const;
