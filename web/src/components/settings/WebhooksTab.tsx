import { Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { can, useSession } from '../../session.tsx';
import type { CreatedWebhook, Webhook } from '../../types/settings.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { LoadMore } from '../LoadMore.tsx';
import { OneTimeSecret } from './OneTimeSecret.tsx';
import { ReadOnlyNote } from './ReadOnlyNote.tsx';
import { SettingsModal } from './SettingsModal.tsx';
import { usePagedList } from './usePagedList.ts';
import { WebhookCard } from './WebhookCard.tsx';
import { WebhookForm } from './WebhookForm.tsx';

type Editing = { webhook?: Webhook } | null;

/** Outbound webhooks: endpoints, their signing secret (once), tests, the delivery log. */
export function WebhooksTab() {
  const { data: session } = useSession();
  const admin = can(session, 'admin');
  const list = usePagedList<Webhook>('webhooks', '/v1/webhooks');
  const [editing, setEditing] = useState<Editing>(null);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <div>
          <Title order={2} size="h3">
            Webhooks
          </Title>
          <Text size="sm" c="dimmed">
            Events POSTed to your endpoints, signed per Standard Webhooks, retried for about 24 h.
          </Text>
        </div>
        {admin ? <Button onClick={() => setEditing({})}>Add webhook</Button> : null}
      </Group>
      {admin ? null : (
        <ReadOnlyNote>Only owners and admins can add or change webhooks.</ReadOnlyNote>
      )}
      {created ? (
        <OneTimeSecret
          title={`Webhook added for ${created.url}`}
          label="Webhook signing secret"
          value={created.secret}
          note="Shown once: store it where your receiver verifies signatures. It cannot be read again."
          onDone={() => setCreated(null)}
        />
      ) : null}
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.isPending ? <Skeleton height={160} aria-label="Loading the webhooks" /> : null}
      {list.isSuccess && list.items.length === 0 ? <Text>No webhooks yet.</Text> : null}
      {list.items.map((webhook) => (
        <WebhookCard
          key={webhook.id}
          webhook={webhook}
          admin={admin}
          onEdit={() => setEditing({ webhook })}
        />
      ))}
      <LoadMore
        hasNextPage={list.hasNextPage}
        fetching={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
      <SettingsModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.webhook ? 'Edit webhook' : 'Add webhook'}
        size="lg"
      >
        {editing ? (
          <WebhookForm
            {...(editing.webhook ? { webhook: editing.webhook } : {})}
            onCreated={setCreated}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </SettingsModal>
    </Stack>
  );
}
