import { Button, Popover, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Campaign } from '../../types/approvals.ts';
import type { DayKey } from './dates.ts';

/** The keyboard way to reschedule: pick another day for a scheduled campaign. */
export function MoveCampaign({
  campaign,
  day,
  onMove,
}: {
  campaign: Campaign;
  day: DayKey;
  onMove: (campaign: Campaign, day: DayKey) => void;
}) {
  const [opened, setOpened] = useState(false);
  const [value, setValue] = useState(day);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
    setOpened(false);
    if (value !== day) onMove(campaign, value);
  }

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      trapFocus
      returnFocus
      position="bottom-start"
      withArrow
      shadow="md"
    >
      <Popover.Target>
        <Button
          size="compact-xs"
          variant="subtle"
          aria-label={`Move ${campaign.name}`}
          data-move-campaign={campaign.id}
          onClick={() => {
            setValue(day);
            setOpened((open) => !open);
          }}
        >
          Move
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={submit}>
          <Stack gap="xs">
            <TextInput
              type="date"
              label="New day"
              description="Same time of day"
              required
              value={value}
              onChange={(event) => setValue(event.currentTarget.value)}
            />
            <Button type="submit" size="xs">
              Move to this day
            </Button>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
