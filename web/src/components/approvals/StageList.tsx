import { Group, List, Paper, Stack, Text } from '@mantine/core';
import { formatDateTime, formatRelative } from '../../format.ts';
import type { Decision, Stage } from '../../types/approvals.ts';
import { StatusBadge } from '../StatusBadge.tsx';
import { Deadline } from './Deadline.tsx';
import { actorName, capitalized, membersById, useMembers } from './members.ts';
import { SlotList } from './SlotList.tsx';

const decisionWords: Record<Decision['decision'], string> = {
  approve: 'approved',
  reject: 'rejected',
  request_changes: 'requested changes',
};

/** The round's stages in order, with their status, slots and the decisions made so far. */
export function StageList({ stages }: { stages: readonly Stage[] }) {
  const members = membersById(useMembers().data);
  return (
    <Stack gap="xs">
      {stages.map((stage) => (
        <Paper key={stage.id} withBorder p="sm" radius="sm">
          <Stack gap={6}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={600}>
                {stage.position}. {stage.name}
                {stage.origin === 'legal' ? ' (legal review)' : ''}
              </Text>
              <StatusBadge status={stage.status} />
            </Group>
            <Text size="sm" c="dimmed">
              {stage.mode === 'all' ? 'Each slot needs its own approver' : 'One approval suffices'}
              {' · '}SLA {formatSla(stage.slaMinutes)}
              {stage.escalations > 0 ? ` · escalated ${stage.escalations}×` : ''}
            </Text>
            {stage.status === 'active' ? (
              <Deadline at={stage.deadlineAt} overdue={stage.overdue} />
            ) : null}
            <SlotList stage={stage} decisions={stage.decisions} />
            {stage.decisions.length > 0 ? (
              <List size="sm" spacing={4}>
                {stage.decisions.map((decision) => (
                  <List.Item key={`${decision.actor}-${decision.createdAt}`}>
                    {capitalized(actorName(decision.actor, members))}{' '}
                    {decisionWords[decision.decision]}
                    {decision.via === 'admin' ? ' (admin override)' : ''}
                    {decision.via === 'escalation' ? ' (after escalation)' : ''}{' '}
                    <time dateTime={decision.createdAt} title={formatDateTime(decision.createdAt)}>
                      {formatRelative(decision.createdAt)}
                    </time>
                    {decision.comment ? (
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        “{decision.comment}”
                      </Text>
                    ) : null}
                  </List.Item>
                ))}
              </List>
            ) : null}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function formatSla(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} d`;
  if (minutes % 60 === 0) return `${minutes / 60} h`;
  return `${minutes} min`;
}
