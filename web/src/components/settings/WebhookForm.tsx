import { Button, Group, MultiSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { patch, post } from '../../api.ts';
import {
  type CreatedWebhook,
  eventFamilies,
  eventTypes,
  type Webhook,
} from '../../types/settings.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

const eventOptions = [
  { group: 'Families', items: eventFamilies },
  { group: 'Events', items: [...eventTypes] },
];

/** Adds an endpoint (`onCreated` gets the one-time secret) or edits one (`webhook` given). */
export function WebhookForm({
  webhook,
  onCreated,
  onDone,
}: {
  webhook?: Webhook;
  onCreated: (created: CreatedWebhook) => void;
  onDone: () => void;
}) {
  const client = useQueryClient();
  const [url, setUrl] = useState(webhook?.url ?? '');
  const [description, setDescription] = useState(webhook?.description ?? '');
  const [types, setTypes] = useState<string[]>(webhook?.eventTypes ?? []);
  const save = useMutation({
    mutationFn: (): Promise<Webhook | CreatedWebhook> => {
      const body = { url: url.trim(), description: description.trim() || null, eventTypes: types };
      return webhook
        ? patch<Webhook>(`/v1/webhooks/${webhook.id}`, body)
        : post<CreatedWebhook>('/v1/webhooks', body);
    },
    onSuccess: (saved) => {
      if ('secret' in saved) onCreated(saved);
      void client.invalidateQueries({ queryKey: ['webhooks'] });
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
          label="URL"
          description="Where signed events are POSTed (http or https)"
          type="url"
          required
          maxLength={2000}
          value={url}
          onChange={(event) => setUrl(event.currentTarget.value)}
        />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          maxLength={500}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
        />
        <MultiSelect
          label="Event types"
          description="Whole families (campaign.*) or single events; none selected: every event"
          data={eventOptions}
          value={types}
          onChange={setTypes}
          searchable
          clearable
          maxValues={50}
          hidePickedOptions
          comboboxProps={{ withinPortal: true }}
        />
        {save.isError ? <ErrorAlert error={save.error} title="Could not save the webhook" /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!url.trim()}>
            {webhook ? 'Save webhook' : 'Add webhook'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
