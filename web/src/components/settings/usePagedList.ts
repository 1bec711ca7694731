import { useInfiniteQuery } from '@tanstack/react-query';
import { get, query } from '../../api.ts';
import type { Page } from '../../types/settings.ts';

const PAGE_SIZE = 100;

/**
 * Every page of a cursor-paginated list, fetched on demand: `items` so far, `hasNextPage` and
 * `fetchNextPage` for a "Load more" button. The key is `[root, 'pages']`.
 */
export function usePagedList<T>(root: string, path: string) {
  const result = useInfiniteQuery({
    queryKey: [root, 'pages'],
    queryFn: ({ pageParam }) =>
      get<Page<T>>(`${path}${query({ limit: PAGE_SIZE, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
  return { ...result, items: result.data?.pages.flatMap((page) => page.data) ?? [] };
}
