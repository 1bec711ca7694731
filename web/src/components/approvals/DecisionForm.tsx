import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { post } from '../../api.ts';
import type { CampaignApproval, DecisionKind } from '../../types/approvals.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

const paths: Record<DecisionKind, string> = {
  approve: 'approve',
  request_changes: 'request-changes',
  reject: 'reject',
};

const commentNeeded: Record<Exclude<DecisionKind, 'approve'>, string> = {
  request_changes: 'Say what should change: a comment is required to request changes.',
  reject: 'Say why: a comment is required to reject.',
};

/** Approve, request changes or reject the stage waiting for the viewer, with a comment. */
export function DecisionForm({
  campaignId,
  stageId,
  onDecided,
}: {
  campaignId: string;
  stageId: string;
  onDecided: (decision: DecisionKind) => void;
}) {
  const client = useQueryClient();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: (decision: DecisionKind) =>
      post<CampaignApproval>(`/v1/campaigns/${campaignId}/${paths[decision]}`, {
        stageId,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),
    // The queue is fresh before the form is released: the entry decided on has left it by then.
    onSuccess: async (_answer, decision) => {
      await Promise.all(
        ['approvals', 'campaign', 'campaigns'].map((root) =>
          client.invalidateQueries({ queryKey: [root] }),
        ),
      );
      setComment('');
      onDecided(decision);
    },
  });

  function submit(decision: DecisionKind) {
    if (decision !== 'approve' && !comment.trim()) {
      setMissing(commentNeeded[decision]);
      return;
    }
    setMissing(null);
    decide.mutate(decision);
  }

  return (
    <Stack gap="sm">
      <Textarea
        label="Comment"
        description="Optional to approve; required to request changes or reject."
        autosize
        minRows={3}
        maxLength={5000}
        value={comment}
        error={missing}
        onChange={(event) => {
          setComment(event.currentTarget.value);
          if (missing) setMissing(null);
        }}
      />
      {decide.isError ? (
        <ErrorAlert error={decide.error} title="Your decision was not recorded" />
      ) : null}
      <Group gap="xs">
        <Button
          onClick={() => submit('approve')}
          loading={decide.isPending && decide.variables === 'approve'}
          disabled={decide.isPending}
        >
          Approve
        </Button>
        <Button
          variant="default"
          onClick={() => submit('request_changes')}
          loading={decide.isPending && decide.variables === 'request_changes'}
          disabled={decide.isPending}
        >
          Request changes
        </Button>
        <Button
          variant="default"
          onClick={() => submit('reject')}
          loading={decide.isPending && decide.variables === 'reject'}
          disabled={decide.isPending}
        >
          Reject
        </Button>
      </Group>
    </Stack>
  );
}
