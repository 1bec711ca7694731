import { DeliveryList } from '../components/deliveries/DeliveryList.tsx';
import { FilterBar } from '../components/deliveries/FilterBar.tsx';
import { useUrlFilters } from '../components/deliveries/useUrlFilters.ts';
import { PageHeader } from '../components/PageHeader.tsx';

const FILTERS = ['campaign', 'channel', 'status'] as const;

/** Every delivery of the workspace: where each draft went, how it went and what the destination said. */
export default function DeliveriesPage() {
  const { filters, setFilter } = useUrlFilters(FILTERS);
  return (
    <>
      <PageHeader
        title="Deliveries"
        description="One delivery per draft and connection (per recipient batch for a CRM), with every attempt and the destination's answers. Updates live."
      />
      <FilterBar names={FILTERS} filters={filters} onChange={setFilter} />
      <DeliveryList filters={filters} />
    </>
  );
}
