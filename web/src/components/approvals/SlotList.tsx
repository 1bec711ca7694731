import { Badge, List, Text } from '@mantine/core';
import { useSession } from '../../session.tsx';
import type { ApproverList, Decision, StageStatus } from '../../types/approvals.ts';
import { actorName, memberName, membersById, useMembers } from './members.ts';
import { roleName, stageSlots } from './slots.ts';

/** Each approval slot of a stage: whom it waits for and who filled it. */
export function SlotList({
  stage,
  decisions,
}: {
  stage: {
    mode: 'all' | 'any';
    approvers: ApproverList;
    escalated: ApproverList;
    status: StageStatus;
  };
  decisions: readonly Decision[];
}) {
  const { data: session } = useSession();
  const members = membersById(useMembers().data);
  const viewer = session
    ? { memberId: session.member.id, roles: [session.member.role, ...session.member.labels] }
    : null;
  const slots = stageSlots(stage, decisions, members, viewer);
  const escalated = [
    ...stage.escalated.roles.map(roleName),
    ...stage.escalated.members.map((id) => memberName(id, members)),
  ];
  return (
    <>
      <List size="sm" spacing={4} listStyleType="none" ml={0} pl={0}>
        {slots.map((slot) => (
          <List.Item key={slot.key}>
            <Text span size="sm" fw={600}>
              {slot.label}
            </Text>
            {' — '}
            {slot.approvedBy ? (
              <Text span size="sm">
                approved by {actorName(slot.approvedBy, members)}
              </Text>
            ) : (
              <Text span size="sm">
                waiting
              </Text>
            )}
            {slot.forViewer && !slot.approvedBy && stage.status === 'active' ? (
              <Badge ml={6} size="sm" variant="dot" radius="sm">
                you can approve
              </Badge>
            ) : null}
          </List.Item>
        ))}
      </List>
      {escalated.length > 0 ? (
        <Text size="sm" mt={4}>
          Escalated: {escalated.join(', ')} may also approve.
        </Text>
      ) : null}
    </>
  );
}
