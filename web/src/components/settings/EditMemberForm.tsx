import { Button, Group, NativeSelect, Stack, TagsInput, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { patch } from '../../api.ts';
import { useSession } from '../../session.tsx';
import type { Member, Role } from '../../types/settings.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { roleOptions } from './roleOptions.ts';

/** Changes a member's name, role and labels (`PATCH /v1/members/{id}`). */
export function EditMemberForm({ member, onDone }: { member: Member; onDone: () => void }) {
  const client = useQueryClient();
  const { data: session } = useSession();
  const [name, setName] = useState(member.name);
  const [role, setRole] = useState<Role>(member.role);
  const [labels, setLabels] = useState(member.labels);
  const save = useMutation({
    mutationFn: () =>
      patch<Member>(`/v1/members/${member.id}`, { name: name.trim(), role, labels }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['members'] });
      // A change to one's own role changes one's scopes.
      if (member.id === session?.member.id)
        void client.invalidateQueries({ queryKey: ['session'] });
      onDone();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Name"
          required
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <NativeSelect
          label="Role"
          data={roleOptions(session?.role, member.role)}
          value={role}
          onChange={(event) => setRole(event.currentTarget.value as Role)}
        />
        <TagsInput
          label="Labels"
          description="Press Enter after each"
          value={labels}
          maxTags={20}
          onChange={setLabels}
        />
        {save.isError ? <ErrorAlert error={save.error} title="Could not save the member" /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save member
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
