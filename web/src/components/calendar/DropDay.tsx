import { Box } from '@mantine/core';
import { type DragEvent, type ReactNode, useState } from 'react';
import type { Campaign } from '../../types/approvals.ts';
import { CAMPAIGN_MIME } from './CampaignChip.tsx';
import type { DayKey } from './dates.ts';

/** A day a scheduled campaign chip can be dropped on (HTML5 drag and drop). */
export function DropDay({
  day,
  campaignsById,
  onMove,
  children,
  minHeight,
}: {
  day: DayKey;
  campaignsById: ReadonlyMap<string, Campaign>;
  onMove: (campaign: Campaign, day: DayKey) => void;
  children: ReactNode;
  minHeight: number;
}) {
  const [over, setOver] = useState(false);
  const carriesCampaign = (event: DragEvent) => event.dataTransfer.types.includes(CAMPAIGN_MIME);

  return (
    <Box
      mih={minHeight}
      p={4}
      style={{
        borderRadius: 'var(--mantine-radius-sm)',
        outline: over ? '2px dashed var(--mantine-primary-color-filled)' : undefined,
        outlineOffset: -2,
      }}
      onDragOver={(event) => {
        if (!carriesCampaign(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={(event) => {
        const to = event.relatedTarget;
        if (!(to instanceof Node && event.currentTarget.contains(to))) setOver(false);
      }}
      onDrop={(event) => {
        setOver(false);
        const campaign = campaignsById.get(event.dataTransfer.getData(CAMPAIGN_MIME));
        if (!campaign) return;
        event.preventDefault();
        onMove(campaign, day);
      }}
    >
      {children}
    </Box>
  );
}
