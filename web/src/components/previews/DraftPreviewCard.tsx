import { Paper, Stack, Title } from '@mantine/core';
import type { Channel, PreviewDraft } from '../../types/campaigns.ts';
import { DraftBody } from './DraftBody.tsx';
import { IssueList } from './IssueList.tsx';
import { QualityScore } from './QualityScore.tsx';

/** One previewed draft: its channel, quality score and issues beside the content itself. */
export function DraftPreviewCard({
  title,
  draft,
  channel,
  brandName,
}: {
  title: string;
  draft: PreviewDraft;
  channel: Channel | undefined;
  brandName: string;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={`${title} preview`}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        <QualityScore quality={draft.quality} />
        <IssueList issues={draft.issues} />
        <DraftBody content={draft.content} channel={channel} brandName={brandName} />
      </Stack>
    </Paper>
  );
}
