import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import { listLapsedApprovals } from '../../db/queries/campaigns.ts';
import { expireApproval } from './expire-approval.ts';

const BATCH = 100;

export interface ClockResult {
  expired: number;
}

/**
 * One tick of the approval clock: expires the approvals of scheduled campaigns that did not start
 * in time. Idempotent: every step re-checks under the campaign's lock, so two workers ticking at
 * once do each thing once.
 */
export async function runApprovalClock(
  db: Db,
  { now = new Date(), log }: { now?: Date; log?: Logger } = {},
): Promise<ClockResult> {
  let expired = 0;
  for (const ref of await listLapsedApprovals(db, { now, limit: BATCH }))
    if (await expireApproval(db, ref, now)) expired += 1;
  if (expired > 0) log?.info({ expired }, 'approvals expired');
  return { expired };
}
