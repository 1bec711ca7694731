import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  PasswordInput,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { patch, post } from '../../api.ts';
import { type ConfigField, type Connection, providers } from '../../types/settings.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import {
  type ConnectionDraft,
  newConnectionDraft,
  providerOf,
  toConnectionDraft,
  toCreateBody,
  toUpdateBody,
} from './connectionDraft.ts';

/** Adds a connection, or edits one (`connection` given): provider and channel are then fixed. */
export function ConnectionForm({
  connection,
  onDone,
}: {
  connection?: Connection;
  onDone: () => void;
}) {
  const client = useQueryClient();
  const [draft, setDraft] = useState<ConnectionDraft>(() =>
    connection ? toConnectionDraft(connection) : newConnectionDraft('crm'),
  );
  const provider = providerOf(draft.provider);
  const set = <K extends keyof ConnectionDraft>(field: K, value: ConnectionDraft[K]) =>
    setDraft((current) => ({ ...current, [field]: value }));
  const setConfig = (key: string, value: string | number) =>
    setDraft((current) => ({ ...current, config: { ...current.config, [key]: value } }));
  const save = useMutation({
    mutationFn: () =>
      connection
        ? patch<Connection>(`/v1/connections/${connection.id}`, toUpdateBody(draft, connection))
        : post<Connection>('/v1/connections', toCreateBody(draft)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['connections'] });
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
          maxLength={200}
          value={draft.name}
          onChange={(event) => set('name', event.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label="Provider"
            description={connection ? 'Fixed once created' : undefined}
            disabled={Boolean(connection)}
            data={
              provider
                ? providers.map((entry) => ({ value: entry.id, label: entry.label }))
                : [{ value: draft.provider, label: draft.provider }]
            }
            value={draft.provider}
            onChange={(event) =>
              setDraft({ ...newConnectionDraft(event.currentTarget.value), name: draft.name })
            }
          />
          <NativeSelect
            label="Channel"
            description={connection ? 'Fixed once created' : undefined}
            disabled={Boolean(connection)}
            data={provider && !connection ? [...provider.channels] : [draft.channel]}
            value={draft.channel}
            onChange={(event) => set('channel', event.currentTarget.value)}
          />
        </SimpleGrid>
        {provider?.config.map((field) => (
          <ConfigInput
            key={field.key}
            field={field}
            value={draft.config[field.key] ?? ''}
            onChange={(value) => setConfig(field.key, value)}
          />
        ))}
        {provider?.apiKey ? (
          <PasswordInput
            label={connection ? 'Replace API key' : 'API key'}
            description={
              connection
                ? `Write-only. ${connection.hasCredentials ? 'Credentials are set; leave' : 'Leave'} empty to keep what is stored.`
                : 'Write-only: stored encrypted and never shown again.'
            }
            required={!connection}
            autoComplete="new-password"
            value={draft.apiKey}
            onChange={(event) => set('apiKey', event.currentTarget.value)}
          />
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label="Rate limit: deliveries"
            description="At most this many… (empty: no limit)"
            min={1}
            max={1_000_000}
            allowDecimal={false}
            value={draft.rateMax}
            onChange={(value) => set('rateMax', value)}
          />
          <NumberInput
            label="Rate limit: per seconds"
            description="…started per this many seconds"
            min={1}
            max={86_400}
            allowDecimal={false}
            value={draft.ratePerSeconds}
            onChange={(value) => set('ratePerSeconds', value)}
          />
        </SimpleGrid>
        {connection?.status === 'needs_reconnect' ? (
          <Alert color="orange" title="Needs reconnecting">
            The destination refused the stored credentials. A new API key makes the connection
            active again.
            <Checkbox
              mt="sm"
              label="Mark as active without new credentials"
              checked={draft.markActive}
              onChange={(event) => set('markActive', event.currentTarget.checked)}
            />
          </Alert>
        ) : null}
        {save.isError ? (
          <ErrorAlert error={save.error} title="Could not save the connection" />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {connection ? 'Save connection' : 'Add connection'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ConfigInput({
  field,
  value,
  onChange,
}: {
  field: ConfigField;
  value: string | number;
  onChange: (value: string | number) => void;
}) {
  if (field.kind === 'url')
    return (
      <TextInput
        label={field.label}
        description={field.description}
        type="url"
        required
        value={String(value)}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    );
  if (field.kind === 'number')
    return (
      <NumberInput
        label={field.label}
        description={`${field.min} to ${field.max}`}
        min={field.min}
        max={field.max}
        allowDecimal={false}
        value={value}
        onChange={onChange}
      />
    );
  return (
    <NativeSelect
      label={field.label}
      data={field.options}
      value={String(value)}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
