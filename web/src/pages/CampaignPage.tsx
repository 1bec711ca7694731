import { PageHeader } from '../components/PageHeader.tsx';

// Placeholder until this page is built (issue 8).
export default function CampaignPage({ id }: { id: string }) {
  return <PageHeader title="Campaign" description={id} />;
}
