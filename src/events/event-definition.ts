import { z } from 'zod';

/**
 * What every event catalog entry has (catalog.ts), and the schemas and example values several
 * entries share.
 */
export interface EventDefinition<Data extends z.ZodType = z.ZodType> {
  summary: string;
  /** The kind of resource in `subject_type`, or null when the event has none. */
  subject: string | null;
  data: Data;
  example: z.input<Data>;
}

export const id = z.string();
export const iso = z.string();
export const fields = z.array(z.string());
export const stage = z.looseObject({
  stageId: id,
  position: z.number().int(),
  name: z.string().nullable(),
  mode: z.string(),
  approvers: z.unknown(),
  escalated: z.unknown(),
  deadlineAt: iso.nullable(),
});
export const stageExample = {
  stageId: '5f0c8c1e-8f7a-4c39-9d53-0d3a3f7c2b11',
  position: 1,
  name: 'Editorial',
  mode: 'any',
  approvers: { roles: ['editor'], members: [] },
  escalated: false,
  deadlineAt: '2026-05-04T10:00:00.000Z',
};
export const CAMPAIGN = 'a3b5c7d9-1111-4a2b-8c3d-4e5f6a7b8c9d';
export const DELIVERY = 'd1e2f3a4-2222-4b3c-9d4e-5f6a7b8c9d0e';
export const REQUEST = 'c0ffee00-3333-4c4d-8e5f-6a7b8c9d0e1f';
export const MEMBER = 'b0b0b0b0-4444-4d5e-9f6a-7b8c9d0e1f2a';
export const delivery = z.looseObject({ campaignId: id, channel: z.string(), batch: z.unknown() });
export const deliveryExample = { campaignId: CAMPAIGN, channel: 'newsletter', batch: null };
export const transition = z.looseObject({ from: z.string() });
export const publishError = z.looseObject({
  kind: z.string(),
  message: z.string(),
  vendorCode: z.string().nullable().optional(),
});
export const decision = z.looseObject({
  requestId: id,
  stage: z.unknown(),
  via: z.string(),
  comment: z.string().nullable(),
});
export const reopened = z.looseObject({
  reason: z.string(),
  previousRequestId: id.nullable(),
  approvalsReset: z.array(z.string()),
  state: z.string(),
  level: z.string().nullable(),
});
export const reopenedExample = {
  reason: 'draft edited',
  previousRequestId: REQUEST,
  approvalsReset: [`member:${MEMBER}`],
  state: 'pending_approval',
  level: 'standard',
};

export function define<Data extends z.ZodType>(
  definition: EventDefinition<Data>,
): EventDefinition<Data> {
  return definition;
}
