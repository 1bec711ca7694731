import { PageHeader } from '../components/PageHeader.tsx';

// Placeholder until this page is built (issue 8).
export default function DeliveriesPage() {
  return <PageHeader title="Deliveries" />;
}
