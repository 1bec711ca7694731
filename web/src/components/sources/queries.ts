import { useQuery } from '@tanstack/react-query';
import { get } from '../../api.ts';
import type { Snapshot, SnapshotSummary, Source } from '../../types/sources.ts';
import { readAllPages } from './readAllPages.ts';

const path = (id: string) => encodeURIComponent(id);

/** Every source of the workspace (a workspace has a handful; the list is read to its end). */
export function useSources() {
  return useQuery({
    queryKey: ['sources', 'all'],
    queryFn: () => readAllPages<Source>('/v1/sources'),
  });
}

export function useSource(id: string) {
  return useQuery({
    queryKey: ['source', id],
    queryFn: () => get<Source>(`/v1/sources/${path(id)}`),
  });
}

/** A snapshot with its items; `null` waits (a source that never synced has none). */
export function useSnapshot(id: string | null) {
  return useQuery({
    queryKey: ['snapshot', id],
    queryFn: () => get<Snapshot>(`/v1/snapshots/${path(id ?? '')}`),
    enabled: id !== null,
    // A snapshot never changes once stored.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A source's snapshots, oldest first, without items. */
export function useSnapshotHistory(sourceId: string) {
  return useQuery({
    queryKey: ['source', sourceId, 'snapshots'],
    queryFn: () => readAllPages<SnapshotSummary>(`/v1/sources/${path(sourceId)}/snapshots`),
  });
}
