import { Button, NativeSelect, Radio, Skeleton, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { post } from '../../api.ts';
import { can, useSession } from '../../session.tsx';
import type { Campaign, Channel, SocialMode } from '../../types/campaigns.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { ChannelChecklist } from './ChannelChecklist.tsx';
import { useTemplates, useTones } from './queries.ts';
import type { ComposerChoices } from './use-composer-choices.ts';

/** Channels, voice, layout and name of the campaign being composed, and the button to create it. */
export function ComposerForm({
  choices,
  channels,
  channelsError,
}: {
  choices: ComposerChoices;
  channels: Map<string, Channel> | undefined;
  channelsError: unknown;
}) {
  const { data: session } = useSession();
  const tones = useTones();
  const templates = useTemplates();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const create = useMutation({
    mutationFn: () => post<Campaign>('/v1/campaigns', choices.createBody),
    onSuccess: async (campaign) => {
      await client.invalidateQueries({ queryKey: ['campaigns'] });
      navigate(`/campaigns/${campaign.id}`);
    },
  });
  const toneOptions = (tones.data?.data ?? []).map((tone) => ({
    value: tone.id,
    label: tone.name,
  }));
  const templateOptions = (templates.data?.data ?? []).map((template) => ({
    value: template.id,
    label: `${template.id} — ${template.description}`,
  }));

  return (
    <>
      <section aria-labelledby="composer-channels">
        <Title order={2} size="h4" id="composer-channels" mb="xs">
          Channels
        </Title>
        {channelsError ? <ErrorAlert error={channelsError} /> : null}
        {channels ? (
          <ChannelChecklist
            channels={[...channels.values()]}
            value={choices.channels}
            onChange={choices.setChannels}
          />
        ) : (
          <Skeleton height={84} />
        )}
      </section>
      <section aria-labelledby="composer-voice">
        <Title order={2} size="h4" id="composer-voice" mb="xs">
          Voice and layout
        </Title>
        <Stack gap="sm">
          {tones.isError ? <ErrorAlert error={tones.error} /> : null}
          {templates.isError ? <ErrorAlert error={templates.error} /> : null}
          <NativeSelect
            label="Tone"
            data={toneOptions.length > 0 ? toneOptions : [choices.tone]}
            value={choices.tone}
            onChange={(event) => choices.setTone(event.currentTarget.value)}
          />
          <NativeSelect
            label="Template"
            description="The email's layout"
            data={templateOptions.length > 0 ? templateOptions : [choices.template]}
            value={choices.template}
            onChange={(event) => choices.setTemplate(event.currentTarget.value)}
          />
          <Radio.Group
            label="Social posts"
            value={choices.socialMode}
            onChange={(value) => choices.setSocialMode(value as SocialMode)}
          >
            <Stack gap={6} mt={4}>
              <Radio value="lead" label="One post from the lead item" />
              <Radio value="per_item" label="One post per item" />
            </Stack>
          </Radio.Group>
        </Stack>
      </section>
      <section aria-labelledby="composer-create">
        <Title order={2} size="h4" id="composer-create" mb="xs">
          Create
        </Title>
        <Stack gap="sm">
          <TextInput
            label="Campaign name"
            value={choices.name}
            onChange={(event) => choices.setName(event.currentTarget.value)}
            error={choices.name.trim() === '' ? 'Give the campaign a name.' : undefined}
            maxLength={200}
          />
          {create.isError ? <ErrorAlert error={create.error} title="Not created" /> : null}
          <Button
            onClick={() => create.mutate()}
            loading={create.isPending}
            disabled={choices.createBody === null || !can(session, 'write')}
          >
            Create campaign
          </Button>
        </Stack>
      </section>
    </>
  );
}
