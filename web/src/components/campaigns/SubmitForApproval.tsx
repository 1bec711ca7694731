import { Button, Group, List, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { post } from '../../api.ts';
import type { CampaignApproval } from '../../types/campaigns.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

/**
 * "Submit for approval", disabled while anything stands in the way, with every reason written
 * next to it (and tied to the button by aria-describedby).
 */
export function SubmitForApproval({
  campaignId,
  blockers,
}: {
  campaignId: string;
  blockers: string[];
}) {
  const client = useQueryClient();
  const submit = useMutation({
    mutationFn: () => post<CampaignApproval>(`/v1/campaigns/${campaignId}/submit`),
    onSettled: () => client.invalidateQueries({ queryKey: ['campaign', campaignId] }),
  });
  const blocked = blockers.length > 0;
  const reasonId = `submit-reasons-${campaignId}`;
  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-start" wrap="wrap">
        <Button
          onClick={() => submit.mutate()}
          loading={submit.isPending}
          disabled={blocked}
          aria-describedby={blocked ? reasonId : undefined}
        >
          Submit for approval
        </Button>
        {blocked ? (
          <div id={reasonId} style={{ flex: '1 1 240px' }}>
            <Text size="sm" fw={600}>
              Cannot submit:
            </Text>
            <List size="sm" spacing={2}>
              {blockers.map((reason) => (
                <List.Item key={reason}>{reason}</List.Item>
              ))}
            </List>
          </div>
        ) : (
          <Text size="sm" c="dimmed" style={{ flex: '1 1 240px' }}>
            The approval policy picks the level and who approves; a level without stages approves it
            at once.
          </Text>
        )}
      </Group>
      {submit.isError ? <ErrorAlert error={submit.error} title="Not submitted" /> : null}
      {submit.data?.round ? <Text size="sm">{submit.data.round.explanation.summary}</Text> : null}
    </Stack>
  );
}
