import { Alert, Group, Loader, Skeleton, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { post } from '../../api.ts';
import type { Channel, PreviewRequest, PreviewResult } from '../../types/campaigns.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { DraftPreviewCard } from '../previews/DraftPreviewCard.tsx';
import { channelLabel, draftLabel } from './labels.ts';

const DEBOUNCE_MS = 300;

/** About the height a channel's preview card takes, so the first drafts do not shift the page. */
function skeletonHeight(channel: Channel | undefined): number {
  if (channel?.kind === 'email') return 860;
  if (channel?.kind === 'web') return 820;
  return 320;
}

/**
 * Drafts for the composer's current choices from `POST /v1/preview` (nothing stored), asked again
 * 300 ms after the last change; the previous drafts stay on screen until the new ones arrive.
 */
export function ComposerPreview({
  request,
  blocked,
  channels,
  brandName,
}: {
  /** null when the choices cannot be previewed; `blocked` says why. */
  request: PreviewRequest | null;
  blocked: string | null;
  channels: Map<string, Channel> | undefined;
  brandName: string;
}) {
  const [body] = useDebouncedValue(request === null ? null : JSON.stringify(request), DEBOUNCE_MS);
  const preview = useQuery({
    queryKey: ['preview', body],
    queryFn: () => post<PreviewResult>('/v1/preview', body === null ? {} : JSON.parse(body)),
    enabled: body !== null,
    placeholderData: keepPreviousData,
  });
  const waiting = request !== null && (preview.isFetching || body !== JSON.stringify(request));
  const result = request === null ? undefined : preview.data;

  return (
    <Stack gap="md">
      <Group gap="xs" h={24} aria-live="polite">
        {waiting ? (
          <>
            <Loader size="xs" aria-hidden />
            <Text size="sm" c="dimmed">
              Updating the preview…
            </Text>
          </>
        ) : result ? (
          <Text size="sm" c="dimmed">
            {result.drafts.length} drafts from {result.itemKeys.length} items. Nothing is saved
            until you create the campaign.
          </Text>
        ) : null}
      </Group>
      {blocked ? (
        <Alert color="gray" title="Nothing to preview">
          {blocked}
        </Alert>
      ) : null}
      {request !== null && preview.isError ? (
        <ErrorAlert error={preview.error} title="The preview failed" />
      ) : null}
      {result?.skipped.map((skip) => (
        <Alert
          key={skip.channel}
          color="yellow"
          title={`${channelLabel(channels, skip.channel)} skipped`}
        >
          {skip.reason}
        </Alert>
      ))}
      {result?.drafts.map((draft) => {
        const perItem = 'posts' in draft.content && request?.socialMode === 'per_item';
        const title = draftLabel(
          channels,
          draft.channel,
          perItem ? (draft.content.itemKeys[0] ?? null) : null,
        );
        return (
          <DraftPreviewCard
            key={`${draft.channel}:${draft.content.itemKeys.join(',')}`}
            title={title}
            draft={draft}
            channel={channels?.get(draft.channel)}
            brandName={brandName}
          />
        );
      })}
      {request !== null && preview.isPending && !result ? (
        <Stack gap="md" aria-hidden>
          {request.channels.map((channel) => (
            <Skeleton key={channel} height={skeletonHeight(channels?.get(channel))} radius="md" />
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
