import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { patch } from '../../api.ts';
import type { Workspace } from '../../types/settings.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

/** Every IANA zone the browser knows, plus the stored one if it is not among them (e.g. UTC). */
function timeZones(current: string): string[] {
  const known = Intl.supportedValuesOf('timeZone');
  return known.includes(current) ? known : [current, ...known];
}

export function WorkspaceForm({
  workspace,
  readOnly,
}: {
  workspace: Workspace;
  readOnly: boolean;
}) {
  const client = useQueryClient();
  const [name, setName] = useState(workspace.name);
  const [timeZone, setTimeZone] = useState(workspace.timeZone);
  const zones = useMemo(() => timeZones(workspace.timeZone), [workspace.timeZone]);
  const save = useMutation({
    mutationFn: () => patch<Workspace>('/v1/workspace', { name: name.trim(), timeZone }),
    onSuccess: () => {
      // The brand name and the header default to the workspace name.
      for (const root of ['workspace', 'brand', 'session']) {
        void client.invalidateQueries({ queryKey: [root] });
      }
    },
  });
  const unchanged = name.trim() === workspace.name && timeZone === workspace.timeZone;

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput
          label="Workspace name"
          required
          maxLength={100}
          value={name}
          readOnly={readOnly}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <NativeSelect
          label="Time zone"
          description="Schedules without a zone are read in this one"
          data={zones}
          value={timeZone}
          disabled={readOnly}
          onChange={(event) => setTimeZone(event.currentTarget.value)}
        />
        {save.isError ? (
          <ErrorAlert error={save.error} title="Could not save the workspace" />
        ) : null}
        {readOnly ? null : (
          <Group>
            <Button type="submit" loading={save.isPending} disabled={unchanged || !name.trim()}>
              Save workspace
            </Button>
            {save.isSuccess && unchanged ? (
              <Text size="sm" role="status">
                Saved.
              </Text>
            ) : null}
          </Group>
        )}
      </Stack>
    </form>
  );
}
