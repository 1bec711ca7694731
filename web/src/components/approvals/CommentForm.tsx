import { Button, Group, MultiSelect, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { post } from '../../api.ts';
import { useSession } from '../../session.tsx';
import type { Comment, Draft } from '../../types/approvals.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useMembers } from './members.ts';

const WHOLE_CAMPAIGN = 'campaign';

/** Add a comment (on the campaign or one draft) or a reply, mentioning members. */
export function CommentForm({
  campaignId,
  drafts,
  replyTo,
  onCancelReply,
  onPosted,
}: {
  campaignId: string;
  drafts: readonly Draft[];
  replyTo: { id: string; author: string } | null;
  onCancelReply: () => void;
  onPosted: () => void;
}) {
  const client = useQueryClient();
  const { data: session } = useSession();
  const members = useMembers().data ?? [];
  const [body, setBody] = useState('');
  const [about, setAbout] = useState(WHOLE_CAMPAIGN);
  const [mentions, setMentions] = useState<string[]>([]);
  const [empty, setEmpty] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const replyId = replyTo?.id;
  useEffect(() => {
    if (replyId) field.current?.focus();
  }, [replyId]);
  const add = useMutation({
    mutationFn: () =>
      post<Comment>(`/v1/campaigns/${campaignId}/comments`, {
        body: body.trim(),
        ...(replyTo ? { parentId: replyTo.id } : {}),
        ...(!replyTo && about !== WHOLE_CAMPAIGN ? { draftId: about } : {}),
        ...(mentions.length > 0 ? { mentions } : {}),
      }),
    onSuccess: async () => {
      setBody('');
      setMentions([]);
      onPosted();
      await client.invalidateQueries({ queryKey: ['comments', campaignId] });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) {
      setEmpty(true);
      return;
    }
    add.mutate();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        {replyTo ? (
          <Group gap="xs">
            <Text size="sm">Replying to {replyTo.author}</Text>
            <Button size="compact-xs" variant="subtle" onClick={onCancelReply}>
              Cancel reply
            </Button>
          </Group>
        ) : null}
        <Textarea
          ref={field}
          label="Add a comment"
          autosize
          minRows={2}
          maxLength={10_000}
          value={body}
          error={empty ? 'Write something first.' : null}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            setEmpty(false);
          }}
        />
        <Group gap="xs" grow preventGrowOverflow={false} wrap="wrap" align="flex-start">
          {replyTo ? null : (
            <Select
              label="About"
              value={about}
              onChange={(value) => setAbout(value ?? WHOLE_CAMPAIGN)}
              allowDeselect={false}
              data={[
                { value: WHOLE_CAMPAIGN, label: 'The whole campaign' },
                ...drafts.map((draft) => ({ value: draft.id, label: `The ${draft.target} draft` })),
              ]}
              miw={180}
            />
          )}
          <MultiSelect
            label="Mention"
            placeholder={mentions.length > 0 ? undefined : 'Notify members'}
            searchable
            value={mentions}
            onChange={setMentions}
            data={members
              .filter((member) => member.id !== session?.member.id)
              .map((member) => ({ value: member.id, label: member.name }))}
            miw={180}
          />
        </Group>
        {add.isError ? <ErrorAlert error={add.error} title="Your comment was not posted" /> : null}
        <Group>
          <Button type="submit" loading={add.isPending}>
            Post comment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
