import { FilterBar } from '../components/deliveries/FilterBar.tsx';
import { useUrlFilters } from '../components/deliveries/useUrlFilters.ts';
import { OutboxList } from '../components/outbox/OutboxList.tsx';
import { PageHeader } from '../components/PageHeader.tsx';

const FILTERS = ['campaign', 'channel'] as const;

/** What the sandbox connections "sent", exactly as it would have gone out. */
export default function OutboxPage() {
  const { filters, setFilter } = useUrlFilters(FILTERS);
  return (
    <>
      <PageHeader
        title="Outbox"
        description="What the sandbox connections “sent”, exactly as each message would have gone out, oldest first. Channels without a named connection publish here."
      />
      <FilterBar names={FILTERS} filters={filters} onChange={setFilter} />
      <OutboxList filters={filters} />
    </>
  );
}
