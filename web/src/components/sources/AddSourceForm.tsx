import {
  Button,
  Card,
  FileInput,
  Group,
  NumberInput,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useLocation } from 'wouter';
import { post } from '../../api.ts';
import { can, useSession } from '../../session.tsx';
import type { CreatedSource } from '../../types/sources.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { fieldErrors } from './fieldErrors.ts';

const modes = ['paste', 'upload', 'url'] as const;
type Mode = (typeof modes)[number];
const isMode = (value: string | null): value is Mode => modes.some((mode) => mode === value);

/** The body fields each mode shows, so an error on any other field is shown above the form. */
const shownFields: Record<Mode, string[]> = {
  paste: ['name', 'text'],
  upload: ['name', 'text'],
  url: ['name', 'url', 'syncIntervalMinutes'],
};

/** A new source from pasted Markdown, an uploaded file or a URL; opens its page once created. */
export function AddSourceForm() {
  const { data: session } = useSession();
  const [mode, setMode] = useState<Mode>('paste');
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const [syncEvery, setSyncEvery] = useState<string | number>('');
  const client = useQueryClient();
  const [, navigate] = useLocation();

  const create = useMutation({
    mutationFn: () => post<CreatedSource>('/v1/sources', body()),
    onSuccess: ({ source }) => {
      void client.invalidateQueries({ queryKey: ['sources'] });
      navigate(`/sources/${source.id}`);
    },
  });

  function body(): FormData | Record<string, unknown> {
    if (mode === 'upload') {
      const form = new FormData();
      form.set('name', name);
      if (file) form.set('file', file);
      return form;
    }
    if (mode === 'url') {
      return {
        kind: 'url',
        name,
        url,
        ...(syncEvery === '' ? {} : { syncIntervalMinutes: Number(syncEvery) }),
      };
    }
    return { kind: 'markdown', name, text };
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  const errors = fieldErrors(create.error);
  const unplaced = Object.keys(errors).some((field) => !shownFields[mode].includes(field));
  const showAlert = create.isError && (Object.keys(errors).length === 0 || unplaced);

  return (
    <Card withBorder padding="lg" id="add-source">
      <Title order={2} size="h3" mb="sm">
        Add a source
      </Title>
      {can(session, 'write') ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {showAlert ? (
              <ErrorAlert error={create.error} title="The source was not added" />
            ) : null}
            <TextInput
              label="Name"
              description="How the source appears in lists, e.g. “Weekly notes”."
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.name}
              withAsterisk
            />
            <Tabs
              value={mode}
              onChange={(value) => {
                if (!isMode(value)) return;
                setMode(value);
                create.reset();
              }}
            >
              <Tabs.List aria-label="Where the document comes from">
                <Tabs.Tab value="paste">Paste Markdown</Tabs.Tab>
                <Tabs.Tab value="upload">Upload a file</Tabs.Tab>
                <Tabs.Tab value="url">From a URL</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="paste" pt="md">
                <Textarea
                  label="Document"
                  description="Markdown, structured JSON or freeform notes, up to 5 MB."
                  value={text}
                  onChange={(event) => setText(event.currentTarget.value)}
                  error={errors.text}
                  autosize
                  minRows={8}
                  maxRows={20}
                  withAsterisk
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                />
              </Tabs.Panel>
              <Tabs.Panel value="upload" pt="md">
                <FileInput
                  label="File"
                  description="A UTF-8 text file (.md, .txt or .json), up to 5 MB."
                  placeholder="Choose a file"
                  accept=".md,.markdown,.txt,.json,text/markdown,text/plain,application/json"
                  value={file}
                  onChange={setFile}
                  error={errors.text}
                  clearable
                  withAsterisk
                />
              </Tabs.Panel>
              <Tabs.Panel value="url" pt="md">
                <Stack gap="md">
                  <TextInput
                    label="URL"
                    description="An http:// or https:// address serving Markdown, text, JSON or HTML."
                    placeholder="https://example.com/weekly.md"
                    type="url"
                    value={url}
                    onChange={(event) => setUrl(event.currentTarget.value)}
                    error={errors.url}
                    withAsterisk
                  />
                  <NumberInput
                    label="Sync every (minutes)"
                    description="Optional, 1 to 10,080 (a week). Empty: sync only when you ask."
                    value={syncEvery}
                    onChange={setSyncEvery}
                    error={errors.syncIntervalMinutes}
                    min={1}
                    max={7 * 24 * 60}
                    allowDecimal={false}
                    allowNegative={false}
                  />
                </Stack>
              </Tabs.Panel>
            </Tabs>
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending}>
                Add source
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Text c="dimmed">
          Adding a source needs the write scope, which your role does not have.
        </Text>
      )}
    </Card>
  );
}
