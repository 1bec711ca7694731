import { Alert, Grid, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'wouter';
import type { DecisionKind, QueueEntry } from '../../types/approvals.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { LoadMore } from '../LoadMore.tsx';
import { QueueEntryCard } from './QueueEntryCard.tsx';
import { useApprovalQueue } from './queries.ts';
import { ReviewPanel } from './ReviewPanel.tsx';

const decided: Record<DecisionKind, (name: string) => string> = {
  approve: (name) => `You approved “${name}”.`,
  request_changes: (name) => `You requested changes to “${name}”; it went back to its authors.`,
  reject: (name) => `You rejected “${name}”.`,
};

/**
 * The stages waiting for the signed-in member and, beside it (below on a phone), the review of
 * the one selected: `?review=<campaign id>`, or the only entry when there is exactly one.
 */
export function MyQueue() {
  const queue = useApprovalQueue('mine');
  const [params, setParams] = useSearchParams();
  const [notice, setNotice] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusReview = useRef(false);
  const entries = queue.data?.pages.flatMap((page) => page.data) ?? [];
  const requested = params.get('review');
  const only = entries.length === 1 && !queue.hasNextPage ? entries[0] : undefined;
  const selected = entries.find((entry) => entry.campaignId === requested) ?? only;

  useEffect(() => {
    if (selected && focusReview.current) {
      focusReview.current = false;
      headingRef.current?.focus();
    }
  }, [selected]);

  function review(entry: QueueEntry) {
    focusReview.current = true;
    setNotice(null);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('review', entry.campaignId);
        return next;
      },
      { replace: true },
    );
  }

  function onDecided(entry: QueueEntry, decision: DecisionKind) {
    setNotice(decided[decision](entry.campaignName));
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('review');
        return next;
      },
      { replace: true },
    );
  }

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            Waiting for you
          </Title>
          {notice ? (
            <Alert
              color="green"
              role="status"
              withCloseButton
              closeButtonLabel="Dismiss"
              onClose={() => setNotice(null)}
            >
              {notice}
            </Alert>
          ) : null}
          {queue.isError ? <ErrorAlert error={queue.error} /> : null}
          {queue.isPending ? (
            <>
              <Skeleton height={180} radius="md" />
              <Skeleton height={180} radius="md" />
            </>
          ) : null}
          {queue.isSuccess && entries.length === 0 ? (
            <Paper withBorder p="lg" radius="md">
              <Text fw={600}>Nothing waits for you</Text>
              <Text size="sm" c="dimmed" mt={4}>
                When a campaign needs your approval, it appears here. “All in approval” shows every
                campaign on its way.
              </Text>
            </Paper>
          ) : null}
          {entries.map((entry) => (
            <QueueEntryCard
              key={entry.id}
              entry={entry}
              selected={entry.id === selected?.id}
              onReview={() => review(entry)}
            />
          ))}
          <LoadMore
            hasNextPage={queue.hasNextPage}
            fetching={queue.isFetchingNextPage}
            onLoad={() => void queue.fetchNextPage()}
          />
        </Stack>
      </Grid.Col>
      {entries.length > 0 ? (
        <Grid.Col span={{ base: 12, md: 7 }}>
          {selected ? (
            <ReviewPanel
              key={selected.id}
              entry={selected}
              headingRef={headingRef}
              onDecided={(decision) => onDecided(selected, decision)}
            />
          ) : (
            <Paper withBorder p="lg" radius="md">
              <Text size="sm">Choose a campaign to review its drafts, stages and comments.</Text>
            </Paper>
          )}
        </Grid.Col>
      ) : null}
    </Grid>
  );
}
