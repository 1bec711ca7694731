import { PageHeader } from '../components/PageHeader.tsx';

// Placeholder until this page is built (issue 8).
export default function SettingsPage({ tab }: { tab: string }) {
  return <PageHeader title="Settings" description={tab} />;
}
