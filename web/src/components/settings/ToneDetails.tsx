import { Table, Text } from '@mantine/core';
import type { Tone } from '../../types/settings.ts';

function listOrNone(values: string[]): string {
  return values.length > 0 ? values.join(', ') : 'None';
}

/** A tone's definition, read-only. */
export function ToneDetails({ tone }: { tone: Tone }) {
  const emoji = Object.entries(tone.emojiCap).map(([channel, cap]) => `${channel} ${cap}`);
  const rows: [string, string][] = [
    ['Greeting', tone.greeting || 'None'],
    ['Closing', tone.closing || 'None'],
    ['Call to action', tone.callToAction],
    ['Social opener', tone.socialOpener || 'None'],
    ['Engagement question', tone.engagementQuestion],
    ['Sentence length target', `${tone.sentenceLengthTarget} words`],
    ['Exclamation cap', String(tone.exclamationCap)],
    ['Emoji cap', emoji.length > 0 ? emoji.join(', ') : 'No emoji on any channel'],
    [
      'Banned words',
      listOrNone(
        tone.bannedWords.map(({ word, replacement }) =>
          replacement ? `${word} → ${replacement}` : `${word} (dropped)`,
        ),
      ),
    ],
    ['Disclaimers', listOrNone(tone.disclaimers)],
    ['Preferred channels', listOrNone(tone.preferredChannels)],
  ];
  return (
    <Table variant="vertical" withTableBorder layout="fixed">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={{ base: 120, sm: 200 }}>{label}</Table.Th>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                {value}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
