import { Button, CopyButton, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';

/** A secret the API answers once: read-only, with a copy button and a note that it is not shown again. */
export function OneTimeSecret({
  title,
  label,
  value,
  note,
  onDone,
}: {
  title: string;
  label: string;
  value: string;
  note: ReactNode;
  onDone: () => void;
}) {
  return (
    <Paper withBorder p="md" my="md" role="status">
      <Stack gap="xs">
        <Text fw={700}>{title}</Text>
        <TextInput
          label={label}
          value={value}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <Text size="sm">{note}</Text>
        <Group gap="xs">
          <CopyButton value={value} timeout={2000}>
            {({ copied, copy }) => (
              <Button size="xs" onClick={copy}>
                {copied ? 'Copied' : `Copy ${label.charAt(0).toLowerCase()}${label.slice(1)}`}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" size="xs" onClick={onDone}>
            Done
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
