import { Tabs } from '@mantine/core';
import { useSearchParams } from 'wouter';
import { AllInApproval } from '../components/approvals/AllInApproval.tsx';
import { MyQueue } from '../components/approvals/MyQueue.tsx';
import { PageHeader } from '../components/PageHeader.tsx';

/** A reviewer's queue with the review beside it, and every campaign in approval. */
export default function ApprovalsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'all' ? 'all' : 'mine';
  return (
    <>
      <PageHeader
        title="Approvals"
        description="Campaigns waiting for a decision, the stages they go through and why."
      />
      <Tabs
        value={tab}
        onChange={(value) => setParams(value === 'all' ? { tab: 'all' } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="mine">My queue</Tabs.Tab>
          <Tabs.Tab value="all">All in approval</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="mine">
          <MyQueue />
        </Tabs.Panel>
        <Tabs.Panel value="all">
          <AllInApproval />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
