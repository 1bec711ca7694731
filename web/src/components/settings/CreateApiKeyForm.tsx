import { Button, Checkbox, Group, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { post } from '../../api.ts';
import { type CreatedApiKey, type Scope, scopes } from '../../types/settings.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { OneTimeSecret } from './OneTimeSecret.tsx';

const scopeDescriptions: Record<Scope, string> = {
  read: 'read: everything, no changes',
  write: 'write: sources, campaigns, drafts, tones',
  publish: 'publish: schedule, publish, cancel, retry',
  admin: 'admin: everything, including keys, members and connections',
};

/** Creates an API key; its secret is in the answer only, shown here once. */
export function CreateApiKeyForm() {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>(['read']);
  const [rateLimit, setRateLimit] = useState<number | string>('');
  const create = useMutation({
    mutationFn: () =>
      post<CreatedApiKey>('/v1/api-keys', {
        name: name.trim(),
        scopes: chosen,
        ...(rateLimit === '' ? {} : { rateLimitPerMinute: rateLimit }),
      }),
    onSuccess: () => {
      setName('');
      setChosen(['read']);
      setRateLimit('');
      void client.invalidateQueries({ queryKey: ['api-keys'] });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <Stack gap="sm">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Name"
              description="What uses it, e.g. “CI publisher”"
              required
              maxLength={100}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
            />
            <NumberInput
              label="Requests per minute"
              description="Optional: the server's default when empty"
              min={1}
              max={1_000_000}
              allowDecimal={false}
              value={rateLimit}
              onChange={setRateLimit}
            />
          </SimpleGrid>
          <Checkbox.Group label="Scopes" required value={chosen} onChange={setChosen}>
            <Stack gap={6} mt={6}>
              {scopes.map((scope) => (
                <Checkbox key={scope} value={scope} label={scopeDescriptions[scope]} />
              ))}
            </Stack>
          </Checkbox.Group>
          {create.isError ? (
            <ErrorAlert error={create.error} title="Could not create the key" />
          ) : null}
          <Group>
            <Button
              type="submit"
              loading={create.isPending}
              disabled={!name.trim() || chosen.length === 0}
            >
              Create key
            </Button>
          </Group>
        </Stack>
      </form>
      {create.data ? (
        <OneTimeSecret
          title={`Key “${create.data.name}” created`}
          label="New API key"
          value={create.data.key}
          note="Shown once: copy it now. Only its prefix is kept visible; revoke it and make another if it is lost."
          onDone={() => create.reset()}
        />
      ) : null}
    </Stack>
  );
}
