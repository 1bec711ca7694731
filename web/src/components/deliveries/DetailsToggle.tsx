import { Button } from '@mantine/core';

/** Shows or hides a delivery's attempts; its name says which delivery, `aria-expanded` the state. */
export function DetailsToggle({
  label,
  expanded,
  controls,
  onToggle,
}: {
  label: string;
  expanded: boolean;
  controls: string;
  onToggle: () => void;
}) {
  return (
    <Button
      size="xs"
      variant="subtle"
      aria-label={`Details for ${label}`}
      aria-expanded={expanded}
      aria-controls={expanded ? controls : undefined}
      onClick={onToggle}
      rightSection={<span aria-hidden="true">{expanded ? '▴' : '▾'}</span>}
    >
      Details
    </Button>
  );
}
