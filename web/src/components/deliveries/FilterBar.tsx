import { Group, NativeSelect } from '@mantine/core';
import { formatDateTime } from '../../format.ts';
import { type CampaignSummary, deliveryStates } from '../../types/deliveries.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { campaignName, useCampaignNames, useChannels } from './lookups.ts';
import type { FilterName, Filters } from './useUrlFilters.ts';

interface Option {
  value: string;
  label: string;
}

/** The list filters as native selects (campaign, channel and, for deliveries, status). */
export function FilterBar({
  names,
  filters,
  onChange,
}: {
  names: readonly FilterName[];
  filters: Filters;
  onChange: (name: FilterName, value: string) => void;
}) {
  const campaigns = useCampaignNames();
  const channels = useChannels();

  const campaignOptions = withSelected(
    campaignChoices(campaigns.data ?? []),
    filters.campaign,
    campaignName(campaigns.data, filters.campaign ?? ''),
  );
  const channelOptions = withSelected(
    (channels.data ?? []).map((channel) => ({ value: channel.id, label: channel.label })),
    filters.channel,
    filters.channel ?? '',
  );
  const statusOptions = withSelected(
    deliveryStates.map((state) => ({ value: state, label: state })),
    filters.status,
    filters.status ?? '',
  );

  return (
    <>
      {campaigns.isError ? (
        <ErrorAlert error={campaigns.error} title="The campaigns did not load" />
      ) : null}
      {channels.isError ? (
        <ErrorAlert error={channels.error} title="The channels did not load" />
      ) : null}
      <Group gap="sm" align="flex-end" mb="md" wrap="wrap">
        {names.includes('campaign') ? (
          <NativeSelect
            label="Campaign"
            w={{ base: '100%', xs: 260 }}
            value={filters.campaign ?? ''}
            onChange={(event) => onChange('campaign', event.currentTarget.value)}
            data={[{ value: '', label: 'All campaigns' }, ...campaignOptions]}
          />
        ) : null}
        {names.includes('channel') ? (
          <NativeSelect
            label="Channel"
            w={{ base: '100%', xs: 200 }}
            value={filters.channel ?? ''}
            onChange={(event) => onChange('channel', event.currentTarget.value)}
            data={[{ value: '', label: 'All channels' }, ...channelOptions]}
          />
        ) : null}
        {names.includes('status') ? (
          <NativeSelect
            label="Status"
            w={{ base: '100%', xs: 180 }}
            value={filters.status ?? ''}
            onChange={(event) => onChange('status', event.currentTarget.value)}
            data={[{ value: '', label: 'All statuses' }, ...statusOptions]}
          />
        ) : null}
      </Group>
    </>
  );
}

/** The options, plus the address's value while the list loads (or if it is not in it). */
function withSelected(options: Option[], selected: string | undefined, label: string): Option[] {
  if (!selected || options.some((option) => option.value === selected)) return options;
  return [...options, { value: selected, label }];
}

/** One option per campaign; campaigns sharing a name are told apart by when they were created. */
function campaignChoices(campaigns: CampaignSummary[]): Option[] {
  const uses = new Map<string, number>();
  for (const { name } of campaigns) uses.set(name, (uses.get(name) ?? 0) + 1);
  return campaigns.map(({ id, name, createdAt }) => ({
    value: id,
    label: (uses.get(name) ?? 0) > 1 ? `${name} (${formatDateTime(createdAt)})` : name,
  }));
}
