/**
 * Who may fill which approval slot of a stage, and when a stage is complete. Pure.
 *
 * A stage in mode `all` has one slot per named role and per named member; each needs its own
 * approver (one person fills one slot, so "editor + marketing" takes two people even when one
 * person holds both labels). Mode `any` has a single slot anyone named may fill. Approvers added
 * by escalation, and workspace admins (an administrative override, recorded as such), may fill any
 * slot.
 */
export interface ApproverList {
  roles: readonly string[];
  members: readonly string[];
}

export interface StageApprovers {
  mode: 'all' | 'any';
  approvers: ApproverList;
  escalated: ApproverList;
}

/** A person or credential as the approval engine sees it. */
export interface ApproverIdentity {
  memberId: string | null;
  /** The member's role and workspace labels. */
  roles: readonly string[];
  /** Holds the `admin` scope. */
  admin: boolean;
}

export type EligibleVia = 'named' | 'escalation' | 'admin';

export function slotCount(stage: StageApprovers): number {
  return stage.mode === 'any' ? 1 : stage.approvers.roles.length + stage.approvers.members.length;
}

function named(list: ApproverList, who: ApproverIdentity): boolean {
  return (
    (who.memberId !== null && list.members.includes(who.memberId)) ||
    list.roles.some((role) => who.roles.includes(role))
  );
}

/** The slots this identity may fill and on what grounds; null when it may fill none. */
export function eligibility(
  stage: StageApprovers,
  who: ApproverIdentity,
): { slots: number[]; via: EligibleVia } | null {
  const every = Array.from({ length: slotCount(stage) }, (_, index) => index);
  if (named(stage.escalated, who)) return { slots: every, via: 'escalation' };
  const own =
    stage.mode === 'any'
      ? named(stage.approvers, who)
        ? [0]
        : []
      : [
          ...stage.approvers.roles.map((role) => who.roles.includes(role)),
          ...stage.approvers.members.map((id) => id === who.memberId),
        ].flatMap((fits, index) => (fits ? [index] : []));
  if (own.length > 0 && (!who.admin || own.length === every.length))
    return { slots: own, via: 'named' };
  if (who.admin) return { slots: every, via: 'admin' };
  return null;
}

/** Most slots filled at once, each approver filling at most one (augmenting paths; tiny inputs). */
export function filledSlots(slots: number, approvals: ReadonlyArray<readonly number[]>): number {
  const holder = new Array<number>(slots).fill(-1);
  const place = (approver: number, seen: Set<number>): boolean => {
    for (const slot of approvals[approver] ?? []) {
      if (slot >= slots || seen.has(slot)) continue;
      seen.add(slot);
      const current = holder[slot] ?? -1;
      if (current === -1 || place(current, seen)) {
        holder[slot] = approver;
        return true;
      }
    }
    return false;
  };
  let filled = 0;
  for (let approver = 0; approver < approvals.length; approver += 1)
    if (place(approver, new Set())) filled += 1;
  return filled;
}
