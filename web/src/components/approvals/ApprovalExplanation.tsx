import { List, Stack, Text } from '@mantine/core';
import type { Round } from '../../types/approvals.ts';

/** Why the policy chose this level (the summary names the rule and its reasons), and any legal review. */
export function ApprovalExplanation({ round }: { round: Round }) {
  const { legal } = round.explanation;
  return (
    <Stack gap={4}>
      <Text size="sm">{round.explanation.summary}</Text>
      {legal.required && legal.reasons.length > 0 ? (
        <>
          <Text size="sm">A legal review is added for:</Text>
          <List size="sm">
            {legal.reasons.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
        </>
      ) : null}
    </Stack>
  );
}
