import { Box, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime, formatRelative } from '../../format.ts';
import type { Comment, Draft, Member } from '../../types/approvals.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { CommentForm } from './CommentForm.tsx';
import { fetchAllPages } from './fetch-all-pages.ts';
import { actorName, capitalized, memberName, membersById, useMembers } from './members.ts';

/** A campaign's comments, oldest first, replies under their thread, and the form to add one. */
export function CommentThread({
  campaignId,
  drafts,
}: {
  campaignId: string;
  drafts: readonly Draft[];
}) {
  const comments = useQuery({
    queryKey: ['comments', campaignId],
    queryFn: () => fetchAllPages<Comment>(`/v1/campaigns/${campaignId}/comments`),
  });
  const members = membersById(useMembers().data);
  const [replyTo, setReplyTo] = useState<Comment | null>(null);
  const all = comments.data ?? [];
  const threads = all.filter((comment) => comment.parentId === null);
  const draftNames = new Map(drafts.map((draft) => [draft.id, draft.target]));

  return (
    <Stack gap="sm">
      {comments.isPending ? <Skeleton height={60} /> : null}
      {comments.isError ? <ErrorAlert error={comments.error} /> : null}
      {comments.isSuccess && threads.length === 0 ? (
        <Text size="sm" c="dimmed">
          No comments yet.
        </Text>
      ) : null}
      {threads.map((thread) => (
        <Box
          key={thread.id}
          component="article"
          aria-label={`Comment by ${actorName(thread.author, members)}`}
        >
          <CommentBody comment={thread} members={members} draftNames={draftNames} />
          <Stack
            gap="xs"
            mt="xs"
            ml="md"
            pl="sm"
            style={{ borderLeft: '2px solid var(--mantine-color-default-border)' }}
          >
            {all
              .filter((reply) => reply.parentId === thread.id)
              .map((reply) => (
                <CommentBody
                  key={reply.id}
                  comment={reply}
                  members={members}
                  draftNames={draftNames}
                />
              ))}
            <Group>
              <Button
                size="compact-xs"
                variant="subtle"
                aria-label={`Reply to ${actorName(thread.author, members)}`}
                onClick={() => setReplyTo(thread)}
              >
                Reply
              </Button>
            </Group>
          </Stack>
        </Box>
      ))}
      <CommentForm
        campaignId={campaignId}
        drafts={drafts}
        replyTo={replyTo ? { id: replyTo.id, author: actorName(replyTo.author, members) } : null}
        onCancelReply={() => setReplyTo(null)}
        onPosted={() => setReplyTo(null)}
      />
    </Stack>
  );
}

function CommentBody({
  comment,
  members,
  draftNames,
}: {
  comment: Comment;
  members: ReadonlyMap<string, Member>;
  draftNames: ReadonlyMap<string, string>;
}) {
  const draft = comment.draftId ? draftNames.get(comment.draftId) : undefined;
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={600}>
          {capitalized(actorName(comment.author, members))}
        </Text>
        <Text size="xs" c="dimmed">
          <time dateTime={comment.createdAt} title={formatDateTime(comment.createdAt)}>
            {formatRelative(comment.createdAt)}
          </time>
          {draft && comment.parentId === null ? ` · on the ${draft} draft` : ''}
        </Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {comment.body}
      </Text>
      {comment.mentions.length > 0 ? (
        <Text size="xs" c="dimmed">
          Mentions: {comment.mentions.map((id) => memberName(id, members)).join(', ')}
        </Text>
      ) : null}
    </Stack>
  );
}
