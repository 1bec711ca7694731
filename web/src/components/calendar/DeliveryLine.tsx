import { Text } from '@mantine/core';
import type { DeliveryGroup } from './calendar-data.ts';

/** "9:00 AM web · sent" (× the number of CRM batches when there are several). */
export function DeliveryLine({
  group,
  campaignName,
}: {
  group: DeliveryGroup;
  campaignName?: string;
}) {
  return (
    <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
      <time dateTime={group.dueAt}>{group.time}</time> {group.channel} ·{' '}
      {group.state.replaceAll('_', ' ')}
      {group.count > 1 ? ` ×${group.count}` : ''}
      {campaignName ? ` — ${campaignName}` : ''}
    </Text>
  );
}
