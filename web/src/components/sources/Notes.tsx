import { Badge, Code, List, Text } from '@mantine/core';
import type { ItemIssue, ParseWarning } from '../../types/sources.ts';

const severityColors: Record<ItemIssue['severity'], string> = {
  error: 'red',
  warning: 'orange',
  info: 'blue',
};

/** Parse warnings and content-rule issues, each led by a word saying which it is. */
export function Notes({ warnings, issues }: { warnings: ParseWarning[]; issues: ItemIssue[] }) {
  if (warnings.length === 0 && issues.length === 0) return null;
  return (
    <List size="sm" spacing={6} listStyleType="none" mt="xs">
      {warnings.map((warning) => (
        <List.Item key={`${warning.code}:${warning.line}:${warning.message}`}>
          <Badge color="orange" variant="dot" radius="sm" size="sm" mr={6}>
            warning
          </Badge>
          {warning.message}
          {warning.line > 0 ? (
            <Text span size="xs" c="dimmed">
              {' '}
              (line {warning.line})
            </Text>
          ) : null}
        </List.Item>
      ))}
      {issues.map((issue) => (
        <List.Item key={`${issue.itemKey}:${issue.code}:${issue.field}`}>
          <Badge color={severityColors[issue.severity]} variant="dot" radius="sm" size="sm" mr={6}>
            {issue.severity}
          </Badge>
          {issue.message} <Code>{issue.field}</Code>
        </List.Item>
      ))}
    </List>
  );
}
