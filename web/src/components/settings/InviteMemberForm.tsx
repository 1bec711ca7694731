import {
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { post } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useSession } from '../../session.tsx';
import type { InvitedMember, Role } from '../../types/settings.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { OneTimeSecret } from './OneTimeSecret.tsx';
import { roleOptions } from './roleOptions.ts';

/** Invites a member; the answer's one-time setup link is shown here, once. */
export function InviteMemberForm() {
  const client = useQueryClient();
  const { data: session } = useSession();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [labels, setLabels] = useState<string[]>([]);
  const invite = useMutation({
    mutationFn: () =>
      post<InvitedMember>('/v1/members', {
        email: email.trim(),
        // The API needs a name; the member may choose another when they finish setup.
        name: name.trim() || email.trim().split('@')[0] || email.trim(),
        role,
        labels,
      }),
    onSuccess: () => {
      setEmail('');
      setName('');
      setLabels([]);
      void client.invalidateQueries({ queryKey: ['members'] });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    invite.mutate();
  }

  return (
    <Stack gap="sm">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Email"
              type="email"
              required
              autoComplete="off"
              maxLength={254}
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
            <TextInput
              label="Name"
              description="Optional: defaults to the part of the email before @"
              maxLength={100}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
            />
            <NativeSelect
              label="Role"
              data={roleOptions(session?.role)}
              value={role}
              onChange={(event) => setRole(event.currentTarget.value as Role)}
            />
            <TagsInput
              label="Labels"
              description="Approval stages can name them (marketing, legal…); press Enter after each"
              value={labels}
              maxTags={20}
              onChange={setLabels}
            />
          </SimpleGrid>
          {invite.isError ? <ErrorAlert error={invite.error} title="Could not invite" /> : null}
          <Group>
            <Button type="submit" loading={invite.isPending} disabled={!email.trim()}>
              Invite
            </Button>
          </Group>
        </Stack>
      </form>
      {invite.data ? (
        <OneTimeSecret
          title={`Invitation created for ${invite.data.email}`}
          label="Setup link"
          value={invite.data.setupUrl}
          note={`Shown once: send this link to ${invite.data.email}. It works once, until ${formatDateTime(invite.data.setupExpiresAt)}.`}
          onDone={() => invite.reset()}
        />
      ) : null}
    </Stack>
  );
}
