import { Code, Group, SegmentedControl, Stack } from '@mantine/core';
import { useState } from 'react';
import type { EmailMessage } from '../../types/deliveries.ts';
import { Fact } from '../deliveries/Fact.tsx';
import { SentFrame } from './SentFrame.tsx';

/** A sent email: its headers, then its HTML part (as rendered) or its text part. */
export function EmailMessageView({ email }: { email: EmailMessage }) {
  const [part, setPart] = useState('html');
  return (
    <Stack gap="sm">
      <Fact label="Subject">
        <strong>{email.subject}</strong>
      </Fact>
      <Fact label="Preheader">{email.preheader || '—'}</Fact>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Fact label="Template">{email.template}</Fact>
        <SegmentedControl
          size="xs"
          aria-label={`Part of the email “${email.subject}” to show`}
          value={part}
          onChange={setPart}
          data={[
            { value: 'html', label: 'HTML' },
            { value: 'text', label: 'Text part' },
          ]}
        />
      </Group>
      {part === 'html' ? (
        <SentFrame title={`Sent email: ${email.subject}`} html={email.html} />
      ) : (
        <Code block style={{ whiteSpace: 'pre-wrap' }}>
          {email.text}
        </Code>
      )}
    </Stack>
  );
}
