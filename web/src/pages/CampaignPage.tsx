import { Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { get } from '../api.ts';
import { ApprovalStatus, activeStageOf } from '../components/campaigns/ApprovalStatus.tsx';
import { CampaignDeliveries } from '../components/campaigns/CampaignDeliveries.tsx';
import { scheduledText } from '../components/campaigns/CampaignsTable.tsx';
import { DraftCard } from '../components/campaigns/DraftCard.tsx';
import type { DraftEdit } from '../components/campaigns/edits.ts';
import { draftLabel, targetItemKey } from '../components/campaigns/labels.ts';
import { useActorName, useBrandName, useChannels } from '../components/campaigns/queries.ts';
import { SchedulePanel } from '../components/campaigns/SchedulePanel.tsx';
import { SubmitForApproval } from '../components/campaigns/SubmitForApproval.tsx';
import { submitBlockers } from '../components/campaigns/submit-blockers.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { formatDateTime } from '../format.ts';
import { can, useSession } from '../session.tsx';
import type { CampaignApproval, CampaignWithDrafts } from '../types/campaigns.ts';

const EDITABLE = new Set(['draft', 'pending_approval', 'approved', 'scheduled']);

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** `/campaigns/:id`: state and approval, schedule and publish, the drafts to edit, deliveries. */
export default function CampaignPage({ id }: { id: string }) {
  const { data: session } = useSession();
  const campaign = useQuery({
    queryKey: ['campaign', id],
    queryFn: () => get<CampaignWithDrafts>(`/v1/campaigns/${id}`),
  });
  const approval = useQuery({
    queryKey: ['campaign', id, 'approval'],
    queryFn: () => get<CampaignApproval>(`/v1/campaigns/${id}/approval`),
  });
  const channels = useChannels();
  const brandName = useBrandName();
  const actorName = useActorName();
  const [edits, setEdits] = useState<Record<string, DraftEdit>>({});

  if (campaign.isPending)
    return (
      <Stack gap="md" aria-busy="true" aria-label="Loading the campaign">
        <Skeleton height={40} width="50%" />
        <Skeleton height={120} />
        <Skeleton height={600} />
      </Stack>
    );
  if (campaign.isError)
    return (
      <>
        <PageHeader title="Campaign" />
        <ErrorAlert error={campaign.error} />
      </>
    );

  const data = campaign.data;
  const order = [...(channels.data?.keys() ?? [])];
  const drafts = [...data.drafts].sort(
    (a, b) =>
      order.indexOf(a.channel) - order.indexOf(b.channel) || a.target.localeCompare(b.target),
  );
  const creator = actorName(data.createdBy);
  const round = approval.data?.round;
  const activeStage = activeStageOf(round);
  const canWrite = can(session, 'write');
  const blockers = submitBlockers({
    state: data.state,
    activeStage,
    canWrite,
    drafts: data.drafts,
    edits,
    channels: channels.data,
  });
  const locked = !canWrite
    ? 'Editing needs the write permission, which your role does not have.'
    : EDITABLE.has(data.state)
      ? null
      : `The campaign is ${data.state.replaceAll('_', ' ')}: its drafts can no longer change.`;

  return (
    <>
      <PageHeader
        title={data.name}
        description={`Created ${formatDateTime(data.createdAt)} by ${creator}. Tone ${data.tone}, template ${data.template}.`}
      />
      <Stack gap="lg">
        <Section id="campaign-approval" title="State and approval">
          <Stack gap="sm">
            <Group gap="sm">
              <StatusBadge status={data.state} />
              <Text size="sm">
                Approval level: {data.approvalLevel ?? 'not evaluated yet'}
                {data.scheduledAt ? ` · scheduled ${scheduledText(data)}` : ''}
                {data.stateReason ? ` · reason: ${data.stateReason}` : ''}
              </Text>
            </Group>
            {approval.isError ? <ErrorAlert error={approval.error} /> : null}
            <ApprovalStatus round={round} pending={approval.isPending} />
            <SubmitForApproval campaignId={id} blockers={blockers} />
          </Stack>
        </Section>
        <Section id="campaign-publish" title="Schedule and publish">
          <SchedulePanel campaign={data} activeStage={activeStage} />
        </Section>
        <section aria-labelledby="campaign-drafts">
          <Title order={2} size="h4" id="campaign-drafts" mb="sm">
            Drafts
          </Title>
          {channels.isError ? <ErrorAlert error={channels.error} /> : null}
          <Stack gap="lg">
            {drafts.length === 0 ? <Text c="dimmed">This campaign has no drafts.</Text> : null}
            {drafts.map((draft) => (
              <DraftCard
                key={draft.id}
                campaignId={id}
                draft={draft}
                channel={channels.data?.get(draft.channel)}
                label={draftLabel(channels.data, draft.channel, targetItemKey(draft))}
                edit={edits[draft.id]}
                onEdit={(edit) =>
                  setEdits((all) => {
                    const { [draft.id]: _dropped, ...rest } = all;
                    return edit ? { ...rest, [draft.id]: edit } : rest;
                  })
                }
                locked={locked}
                brandName={brandName}
              />
            ))}
          </Stack>
        </section>
        <Section id="campaign-deliveries" title="Deliveries">
          <CampaignDeliveries campaignId={id} channels={channels.data} />
        </Section>
      </Stack>
    </>
  );
}
