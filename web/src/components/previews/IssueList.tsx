import { Badge, Code, Group, Stack, Text } from '@mantine/core';
import type { DraftIssue } from '../../types/campaigns.ts';

const severityColor: Record<DraftIssue['severity'], string> = {
  error: 'red',
  warning: 'orange',
  info: 'gray',
};

const severityOrder: DraftIssue['severity'][] = ['error', 'warning', 'info'];

/** A draft's issues, errors first: the severity as a word, the message, and the field at fault. */
export function IssueList({ issues }: { issues: DraftIssue[] }) {
  if (issues.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No issues.
      </Text>
    );
  const sorted = [...issues].sort(
    (a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity),
  );
  return (
    <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {sorted.map((issue, index) => (
        <Group
          // biome-ignore lint/suspicious/noArrayIndexKey: one version's issues, replaced as a whole
          key={`${issue.code}-${issue.field}-${index}`}
          component="li"
          gap="xs"
          wrap="nowrap"
          align="flex-start"
        >
          <Badge color={severityColor[issue.severity]} variant="light" radius="sm" miw={70}>
            {issue.severity}
          </Badge>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {issue.message} <Code>{issue.field}</Code>
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
