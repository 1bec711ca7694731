import { Skeleton, Tabs } from '@mantine/core';
import { type ComponentType, lazy, Suspense } from 'react';
import { Redirect, useLocation } from 'wouter';
import { PageHeader } from '../components/PageHeader.tsx';

// Each tab is its own chunk: the brand tab's color inputs never load for the members tab.
const tab = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));

const tabs: { value: string; label: string; component: ComponentType }[] = [
  {
    value: 'brand',
    label: 'Brand',
    component: tab(() => import('../components/settings/BrandTab.tsx'), 'BrandTab'),
  },
  {
    value: 'tones',
    label: 'Tones',
    component: tab(() => import('../components/settings/TonesTab.tsx'), 'TonesTab'),
  },
  {
    value: 'connections',
    label: 'Connections',
    component: tab(() => import('../components/settings/ConnectionsTab.tsx'), 'ConnectionsTab'),
  },
  {
    value: 'members',
    label: 'Members',
    component: tab(() => import('../components/settings/MembersTab.tsx'), 'MembersTab'),
  },
  {
    value: 'api-keys',
    label: 'API keys',
    component: tab(() => import('../components/settings/ApiKeysTab.tsx'), 'ApiKeysTab'),
  },
  {
    value: 'webhooks',
    label: 'Webhooks',
    component: tab(() => import('../components/settings/WebhooksTab.tsx'), 'WebhooksTab'),
  },
];

/** Workspace settings, one tab per address: /settings/brand, /settings/members, … */
export default function SettingsPage({ tab: current }: { tab: string }) {
  const [, navigate] = useLocation();
  if (!tabs.some((entry) => entry.value === current))
    return <Redirect to="/settings/brand" replace />;
  return (
    <>
      <PageHeader
        title="Settings"
        description="Brand, tones, destinations, people, API keys and webhooks of this workspace."
      />
      <Tabs
        value={current}
        onChange={(value) => {
          if (value) navigate(`/settings/${value}`);
        }}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {tabs.map((entry) => (
            <Tabs.Tab key={entry.value} value={entry.value}>
              {entry.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map(({ value, component: Panel }) => (
          <Tabs.Panel key={value} value={value}>
            <Suspense fallback={<Skeleton height={400} aria-label="Loading" />}>
              <Panel />
            </Suspense>
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
