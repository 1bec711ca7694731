import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';

/** Why a section is read-only for the signed-in member. */
export function ReadOnlyNote({ children }: { children: ReactNode }) {
  return (
    <Alert color="gray" variant="light" title="Read-only" mb="md">
      {children}
    </Alert>
  );
}
