import { Badge, Group, Text } from '@mantine/core';
import type { Quality } from '../../types/campaigns.ts';

function overallColor(score: number): string {
  if (score >= 80) return 'green';
  if (score >= 50) return 'yellow';
  return 'red';
}

/** The 0–100 quality score and its sub-scores (SEO only where a channel has it). */
export function QualityScore({ quality }: { quality: Quality }) {
  const parts: [string, number | null][] = [
    ['Readability', quality.readability],
    ['Structure', quality.structure],
    ['SEO', quality.seo],
    ['Engagement', quality.engagement],
    ['Brand', quality.brandCompliance],
  ];
  return (
    <Group gap="xs" wrap="wrap">
      <Badge color={overallColor(quality.overall)} variant="dot" radius="sm" size="lg">
        Quality {quality.overall} / 100
      </Badge>
      <Text size="xs" c="dimmed">
        {parts
          .filter((part): part is [string, number] => part[1] !== null)
          .map(([name, score]) => `${name} ${score}`)
          .join(' · ')}
      </Text>
    </Group>
  );
}
