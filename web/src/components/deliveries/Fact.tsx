import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A small label above its value (cards and delivery details). */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}
