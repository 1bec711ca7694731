import { Anchor, Group, Skeleton, Text } from '@mantine/core';
import { Link } from 'wouter';
import { formatDateTime } from '../../format.ts';
import type { ApprovalRound, ApprovalStage } from '../../types/campaigns.ts';

/** Who may fill a stage: its roles and labels, escalated approvers, named members. */
function approversOf(stage: ApprovalStage): string {
  const roles = [...stage.approvers.roles, ...stage.escalated.roles].map((role) =>
    role.replaceAll('_', ' '),
  );
  const members = stage.approvers.members.length + stage.escalated.members.length;
  const names = [...new Set(roles)];
  if (members > 0) names.push(members === 1 ? 'a named member' : `${members} named members`);
  return names.join(stage.mode === 'all' ? ' and ' : ' or ');
}

export function activeStageOf(round: ApprovalRound | null | undefined): ApprovalStage | null {
  return round?.stages.find((stage) => stage.status === 'active') ?? null;
}

function summary(round: ApprovalRound | null): string {
  if (!round) return 'Not submitted for approval yet.';
  const level = `Level ${round.level} (${round.levelName})`;
  const stage = activeStageOf(round);
  if (round.status === 'pending' && stage) {
    const due = stage.deadlineAt ? `, due ${formatDateTime(stage.deadlineAt)}` : '';
    const needed = stage.remaining === 1 ? '1 approval' : `${stage.remaining} approvals`;
    return `${level}: waiting for stage “${stage.name}”: ${needed} from ${approversOf(stage)}${due}${stage.overdue ? ' (overdue)' : ''}.`;
  }
  const status = round.status.replaceAll('_', ' ');
  return `${level}: ${status}${round.statusReason ? ` (${round.statusReason})` : ''}.`;
}

/** One line on where the campaign's latest approval round stands, and a way to the queue. */
export function ApprovalStatus({
  round,
  pending,
}: {
  round: ApprovalRound | null | undefined;
  pending: boolean;
}) {
  return (
    <Group gap="xs" wrap="wrap">
      {pending ? (
        <Skeleton height={20} width={320} />
      ) : (
        <Text size="sm">{summary(round ?? null)}</Text>
      )}
      <Anchor component={Link} href="/approvals" size="sm">
        Open in Approvals
      </Anchor>
    </Group>
  );
}
