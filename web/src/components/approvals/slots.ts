import type { ApproverList, Decision, Member } from '../../types/approvals.ts';
import { memberName } from './members.ts';

/** Who a slot waits for, who filled it, and whether the viewer may fill it. */
export interface Slot {
  key: string;
  label: string;
  approvedBy: string | null;
  forViewer: boolean;
}

interface StageApprovers {
  mode: 'all' | 'any';
  approvers: ApproverList;
  escalated: ApproverList;
}

interface Identity {
  memberId: string;
  roles: readonly string[];
}

type Fits = (who: Identity) => boolean;

/**
 * The slots of a stage as the approval engine counts them (src/approvals/stage-eligibility.ts):
 * mode `all` has one slot per named role and member, each for its own person; mode `any` one slot
 * anyone named may fill. Approvals are placed on the slots their approver could fill (escalated
 * approvers, admins and review links on any), each approver on one slot.
 */
export function stageSlots(
  stage: StageApprovers,
  decisions: readonly Decision[],
  members: ReadonlyMap<string, Member>,
  viewer: Identity | null,
): Slot[] {
  const byRole =
    (role: string): Fits =>
    (who) =>
      who.roles.includes(role);
  const byMember =
    (id: string): Fits =>
    (who) =>
      who.memberId === id;
  const slots: { key: string; label: string; fits: Fits }[] =
    stage.mode === 'any'
      ? [
          {
            key: 'any',
            label: `One of: ${[...stage.approvers.roles.map(roleName), ...stage.approvers.members.map((id) => memberName(id, members))].join(', ')}`,
            fits: (who) =>
              stage.approvers.roles.some((role) => who.roles.includes(role)) ||
              stage.approvers.members.includes(who.memberId),
          },
        ]
      : [
          ...stage.approvers.roles.map((role) => ({
            key: `role:${role}`,
            label: role,
            fits: byRole(role),
          })),
          ...stage.approvers.members.map((id) => ({
            key: `member:${id}`,
            label: memberName(id, members),
            fits: byMember(id),
          })),
        ];
  const every = slots.map((_, index) => index);
  const approvals = decisions
    .filter((decision) => decision.decision === 'approve')
    .map((decision) => {
      const member = identityOf(decision.actor, members);
      const own =
        decision.via === 'named' && member
          ? every.filter((index) => slots[index]?.fits(member))
          : every;
      return { actor: decision.actor, slots: own.length > 0 ? own : every };
    });
  const holder = placeApprovals(
    slots.length,
    approvals.map((approval) => approval.slots),
  );
  const escalatedToViewer =
    viewer !== null &&
    (stage.escalated.members.includes(viewer.memberId) ||
      stage.escalated.roles.some((role) => viewer.roles.includes(role)));
  return slots.map((slot, index) => {
    const approver = holder[index] ?? -1;
    return {
      key: slot.key,
      label: slot.label,
      approvedBy: approver === -1 ? null : (approvals[approver]?.actor ?? null),
      forViewer: viewer !== null && (escalatedToViewer || slot.fits(viewer)),
    };
  });
}

function identityOf(actor: string, members: ReadonlyMap<string, Member>): Identity | null {
  const [kind, id = ''] = actor.split(':');
  const member = kind === 'member' ? members.get(id) : undefined;
  return member ? { memberId: member.id, roles: [member.role, ...member.labels] } : null;
}

/** Slot → index of the approval holding it (-1: open); each approval holds at most one slot. */
function placeApprovals(slots: number, approvals: readonly (readonly number[])[]): number[] {
  const holder = new Array<number>(slots).fill(-1);
  const place = (approval: number, seen: Set<number>): boolean => {
    for (const slot of approvals[approval] ?? []) {
      if (seen.has(slot)) continue;
      seen.add(slot);
      const current = holder[slot] ?? -1;
      if (current === -1 || place(current, seen)) {
        holder[slot] = approval;
        return true;
      }
    }
    return false;
  };
  for (let approval = 0; approval < approvals.length; approval += 1) place(approval, new Set());
  return holder;
}

/** `marketing_manager` → "marketing manager". */
export function roleName(role: string): string {
  return role.replaceAll('_', ' ');
}
