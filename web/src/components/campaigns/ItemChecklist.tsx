import { Button, Checkbox, Fieldset, Group, Stack, Text } from '@mantine/core';
import type { SnapshotItem } from '../../types/campaigns.ts';

function bySection(items: SnapshotItem[]): { heading: string; items: SnapshotItem[] }[] {
  const sections = new Map<string, { heading: string; items: SnapshotItem[] }>();
  for (const item of items) {
    const section = sections.get(item.section) ?? {
      heading: item.sectionHeading ?? item.section,
      items: [],
    };
    section.items.push(item);
    sections.set(item.section, section);
  }
  return [...sections.values()];
}

/**
 * The snapshot's items by section, each a checkbox labelled with its title. Unpublished items
 * (`published: false`) never produce drafts, so they cannot be chosen. `locked` shows a fixed
 * choice (only what changed) that cannot be edited here.
 */
export function ItemChecklist({
  items,
  selected,
  onChange,
  locked,
}: {
  items: SnapshotItem[];
  selected: ReadonlySet<string>;
  onChange: (selected: Set<string>) => void;
  locked: boolean;
}) {
  const publishable = items.filter((item) => item.published).map((item) => item.key);
  const toggle = (key: string, checked: boolean) => {
    const next = new Set(selected);
    if (checked) next.add(key);
    else next.delete(key);
    onChange(next);
  };
  return (
    <Stack gap="sm">
      {locked ? null : (
        <Group gap="xs">
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => onChange(new Set(publishable))}
          >
            Select all
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => onChange(new Set())}>
            Select none
          </Button>
          <Text size="sm" c="dimmed">
            {selected.size} of {publishable.length} selected
          </Text>
        </Group>
      )}
      {bySection(items).map((section) => (
        <Fieldset key={section.heading} legend={section.heading} variant="unstyled">
          <Stack gap={6}>
            {section.items.map((item) => (
              <Checkbox
                key={item.key}
                label={item.title}
                description={item.published ? undefined : 'Not published: never drafted'}
                checked={item.published && selected.has(item.key)}
                disabled={locked || !item.published}
                onChange={(event) => toggle(item.key, event.currentTarget.checked)}
              />
            ))}
          </Stack>
        </Fieldset>
      ))}
    </Stack>
  );
}
