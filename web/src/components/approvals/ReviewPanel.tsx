import { Anchor, Group, Paper, Skeleton, Stack, Title } from '@mantine/core';
import type { ReactNode, RefObject } from 'react';
import { Link } from 'wouter';
import type { DecisionKind, QueueEntry } from '../../types/approvals.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { ApprovalExplanation } from './ApprovalExplanation.tsx';
import { CommentThread } from './CommentThread.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { DraftSummary } from './DraftSummary.tsx';
import { useApprovalRound, useCampaign } from './queries.ts';
import { StageList } from './StageList.tsx';

/** Everything a reviewer needs to decide on one queue entry, and the decision itself. */
export function ReviewPanel({
  entry,
  headingRef,
  onDecided,
}: {
  entry: QueueEntry;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onDecided: (decision: DecisionKind) => void;
}) {
  const approval = useApprovalRound(entry.campaignId);
  const campaign = useCampaign(entry.campaignId);
  const round = approval.data?.round ?? null;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="review-heading">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title
            order={2}
            size="h3"
            id="review-heading"
            ref={headingRef}
            tabIndex={-1}
            style={{ overflowWrap: 'anywhere' }}
          >
            {entry.campaignName}
          </Title>
          <Anchor component={Link} href={`/campaigns/${entry.campaignId}`} size="sm">
            Open campaign
          </Anchor>
        </Group>
        <Part title="Why this level">
          {approval.isError ? <ErrorAlert error={approval.error} /> : null}
          {round ? <ApprovalExplanation round={round} /> : <Skeleton height={48} />}
        </Part>
        <Part title="Stages">
          {round ? <StageList stages={round.stages} /> : <Skeleton height={96} />}
        </Part>
        <Part title="Drafts">
          {campaign.isError ? <ErrorAlert error={campaign.error} /> : null}
          {campaign.data ? (
            <DraftSummary drafts={campaign.data.drafts} />
          ) : (
            <Skeleton height={160} />
          )}
        </Part>
        <Part title="Your decision">
          <DecisionForm
            campaignId={entry.campaignId}
            stageId={entry.stage.id}
            onDecided={onDecided}
          />
        </Part>
        <Part title="Comments">
          <CommentThread campaignId={entry.campaignId} drafts={campaign.data?.drafts ?? []} />
        </Part>
      </Stack>
    </Paper>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
