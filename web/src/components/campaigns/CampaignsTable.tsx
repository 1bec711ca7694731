import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'wouter';
import { formatDateTime } from '../../format.ts';
import type { Campaign } from '../../types/campaigns.ts';
import { StatusBadge } from '../StatusBadge.tsx';

/** When a campaign goes out, on the wall clock of the zone it was scheduled in. */
export function scheduledText(campaign: Campaign): string {
  if (!campaign.scheduledAt) return '—';
  const zone = campaign.scheduleZone ?? undefined;
  return `${formatDateTime(campaign.scheduledAt, zone)}${zone ? ` (${zone})` : ''}`;
}

export function CampaignsTable({ campaigns }: { campaigns: Campaign[] }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm" style={{ whiteSpace: 'nowrap' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Approval level</Table.Th>
            <Table.Th>Scheduled</Table.Th>
            <Table.Th>Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {campaigns.map((campaign) => (
            <Table.Tr key={campaign.id}>
              <Table.Td style={{ whiteSpace: 'normal', minWidth: 200 }}>
                <Anchor component={Link} href={`/campaigns/${campaign.id}`} fw={600}>
                  {campaign.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={campaign.state} />
              </Table.Td>
              <Table.Td>{campaign.approvalLevel ?? '—'}</Table.Td>
              <Table.Td>
                <Text size="sm">{scheduledText(campaign)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(campaign.createdAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
