import { z } from 'zod';
import { channelIds } from '../../generation/channels.ts';
import { isTimeZone } from '../../lib/time-zone.ts';

const MAX_OFFSET_MINUTES = 60 * 24 * 60;

/** `POST /v1/campaigns/{id}/schedule`: when, in which zone, until when, and where to. */
export const scheduleInput = z
  .object({
    /**
     * ISO 8601: an instant with an offset, or a local date-time read in `zone`. Omitted = now.
     */
    at: z.string().min(1).max(64).optional(),
    /** IANA zone for `at`, `sendBy` and display; the workspace's zone when omitted. */
    zone: z
      .string()
      .refine(isTimeZone, { message: 'must be an IANA time zone such as America/New_York' })
      .optional(),
    /** Deliveries that cannot start before this are cancelled with reason `missed_window`. */
    sendBy: z.string().min(1).max(64).optional(),
    /** Staged publishing: minutes after `at`, per channel (e.g. `{web: 1440, email: 2880}`). */
    offsets: z.partialRecord(z.enum(channelIds), z.int().min(0).max(MAX_OFFSET_MINUTES)).optional(),
    /** The connection per channel; channels left out publish to their sandbox (the outbox). */
    connections: z.partialRecord(z.enum(channelIds), z.uuid()).optional(),
  })
  .strict();

export type ScheduleInput = z.infer<typeof scheduleInput>;
