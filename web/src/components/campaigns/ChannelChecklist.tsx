import { Checkbox, SimpleGrid } from '@mantine/core';
import type { Channel } from '../../types/campaigns.ts';

/** One checkbox per channel of the registry, labelled with its label, in registry order. */
export function ChannelChecklist({
  channels,
  value,
  onChange,
}: {
  channels: Channel[];
  value: string[];
  onChange: (value: string[]) => void;
}) {
  return (
    <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="xs" verticalSpacing="xs">
      {channels.map((channel) => (
        <Checkbox
          key={channel.id}
          label={channel.label}
          checked={value.includes(channel.id)}
          onChange={(event) =>
            onChange(
              event.currentTarget.checked
                ? channels.map((c) => c.id).filter((id) => id === channel.id || value.includes(id))
                : value.filter((id) => id !== channel.id),
            )
          }
        />
      ))}
    </SimpleGrid>
  );
}
