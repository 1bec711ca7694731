import { useQuery } from '@tanstack/react-query';
import { get } from '../../api.ts';
import type { BrandProfile, Tone, Workspace } from '../../types/settings.ts';

/** Each query stores the API's answer as is, so other pages may share the key. */
export function useWorkspace() {
  return useQuery({ queryKey: ['workspace'], queryFn: () => get<Workspace>('/v1/workspace') });
}

export function useBrand() {
  return useQuery({ queryKey: ['brand'], queryFn: () => get<BrandProfile>('/v1/workspace/brand') });
}

export function useTones() {
  return useQuery({
    queryKey: ['tones'],
    queryFn: () => get<{ data: Tone[] }>('/v1/tones'),
    select: (answer) => answer.data,
  });
}
