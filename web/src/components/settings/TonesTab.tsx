import { Accordion, Badge, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { del } from '../../api.ts';
import { can, useSession } from '../../session.tsx';
import type { Tone } from '../../types/settings.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { useTones } from './queries.ts';
import { ReadOnlyNote } from './ReadOnlyNote.tsx';
import { SettingsModal } from './SettingsModal.tsx';
import { ToneDetails } from './ToneDetails.tsx';
import { ToneForm } from './ToneForm.tsx';
import { emptyToneDraft, type ToneDraft, toToneDraft } from './toneDraft.ts';

type Editing = { mode: 'create' | 'edit'; initial: ToneDraft } | null;

/** Built-in tones (read-only, may be copied) and the workspace's own (edit, delete). */
export function TonesTab() {
  const { data: session } = useSession();
  const writer = can(session, 'write');
  const client = useQueryClient();
  const tones = useTones();
  const [editing, setEditing] = useState<Editing>(null);

  const remove = async (tone: Tone) => {
    await del(`/v1/tones/${encodeURIComponent(tone.id)}`);
    await client.invalidateQueries({ queryKey: ['tones'] });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <div>
          <Title order={2} size="h3">
            Tones
          </Title>
          <Text size="sm" c="dimmed">
            The voice drafts are written in. Built-in tones are fixed; copy one to make a variant.
          </Text>
        </div>
        {writer ? (
          <Button onClick={() => setEditing({ mode: 'create', initial: emptyToneDraft })}>
            New tone
          </Button>
        ) : null}
      </Group>
      {writer ? null : <ReadOnlyNote>Your role can read tones but not change them.</ReadOnlyNote>}
      {tones.isError ? <ErrorAlert error={tones.error} /> : null}
      {tones.isPending ? <Skeleton height={240} aria-label="Loading the tones" /> : null}
      {tones.data ? (
        <Accordion variant="separated" order={3}>
          {tones.data.map((tone) => (
            <Accordion.Item key={tone.id} value={tone.id}>
              <Accordion.Control>
                <Group gap="xs" wrap="wrap">
                  <Text fw={600} span>
                    {tone.name}
                  </Text>
                  <Badge variant="outline" color="gray" radius="sm">
                    {tone.builtIn ? 'Built-in' : 'Workspace'}
                  </Badge>
                  <Text size="sm" c="dimmed" span>
                    {tone.id}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  {tone.description ? <Text size="sm">{tone.description}</Text> : null}
                  <ToneDetails tone={tone} />
                  {writer ? (
                    <Group gap="xs">
                      <Button
                        variant="default"
                        size="xs"
                        aria-label={`Copy as new tone: ${tone.name}`}
                        onClick={() =>
                          setEditing({
                            mode: 'create',
                            initial: {
                              ...toToneDraft(tone),
                              id: `${tone.id}_copy`,
                              name: `${tone.name} (copy)`,
                            },
                          })
                        }
                      >
                        Copy as new tone
                      </Button>
                      {tone.builtIn ? null : (
                        <>
                          <Button
                            variant="default"
                            size="xs"
                            aria-label={`Edit tone ${tone.name}`}
                            onClick={() => setEditing({ mode: 'edit', initial: toToneDraft(tone) })}
                          >
                            Edit
                          </Button>
                          <ConfirmButton
                            label="Delete"
                            ariaLabel={`Delete tone ${tone.name}`}
                            title="Delete this tone?"
                            message={`“${tone.name}” (${tone.id}) will no longer be available for new drafts.`}
                            confirmLabel="Delete tone"
                            onConfirm={() => remove(tone)}
                          />
                        </>
                      )}
                    </Group>
                  ) : null}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      ) : null}
      <SettingsModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.mode === 'edit' ? 'Edit tone' : 'New tone'}
        size="xl"
      >
        {editing ? (
          <ToneForm mode={editing.mode} initial={editing.initial} onDone={() => setEditing(null)} />
        ) : null}
      </SettingsModal>
    </Stack>
  );
}
