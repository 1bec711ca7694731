import { Button, Group } from '@mantine/core';

/** "Load more" under a paginated list, while the API has more. */
export function LoadMore({
  hasNextPage,
  fetching,
  onLoad,
}: {
  hasNextPage: boolean;
  fetching: boolean;
  onLoad: () => void;
}) {
  if (!hasNextPage) return null;
  return (
    <Group justify="center" mt="sm">
      <Button variant="default" loading={fetching} onClick={onLoad}>
        Load more
      </Button>
    </Group>
  );
}
