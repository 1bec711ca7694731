import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import { listStagesDue } from '../../db/queries/approval-stages.ts';
import { listLapsedApprovals } from '../../db/queries/campaigns.ts';
import { escalateStage } from './escalate-stage.ts';
import { expireApproval } from './expire-approval.ts';
import { remindApprovers } from './remind-approvers.ts';

const BATCH = 100;

export interface ClockResult {
  reminded: number;
  escalated: number;
  expired: number;
}

/**
 * One tick of the approval clock: reminds approvers halfway to a stage's deadline, escalates
 * stages past it (`approval.overdue`), and expires the approvals of scheduled campaigns that did
 * not start in time. `now` is injectable (tests move the clock instead of waiting). Idempotent:
 * every step is a compare-and-set or re-checks under a lock, so two workers ticking at once do
 * each thing once.
 */
export async function runApprovalClock(
  db: Db,
  { now = new Date(), log }: { now?: Date; log?: Logger } = {},
): Promise<ClockResult> {
  const result: ClockResult = { reminded: 0, escalated: 0, expired: 0 };
  for (const stage of await listStagesDue(db, { now, limit: BATCH })) {
    if (stage.deadlineAt !== null && stage.deadlineAt <= now) {
      if (await escalateStage(db, stage, now)) result.escalated += 1;
    } else if (await remindApprovers(db, stage, now)) result.reminded += 1;
  }
  for (const ref of await listLapsedApprovals(db, { now, limit: BATCH }))
    if (await expireApproval(db, ref, now)) result.expired += 1;
  if (result.reminded + result.escalated + result.expired > 0)
    log?.info(result, 'approval clock: reminders, escalations, expiries');
  return result;
}
