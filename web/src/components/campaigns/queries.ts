import { useQuery } from '@tanstack/react-query';
import { get } from '../../api.ts';
import { useSession } from '../../session.tsx';
import type {
  Brand,
  Channel,
  Member,
  Page,
  Template,
  Tone,
  Workspace,
} from '../../types/campaigns.ts';

/** The channel registry (labels, limits, counting): fixed for a server's lifetime. */
export function useChannels() {
  return useQuery({
    queryKey: ['channels'],
    queryFn: () => get<{ data: Channel[] }>('/v1/channels'),
    select: (answer) => new Map(answer.data.map((channel) => [channel.id, channel])),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useTones() {
  return useQuery({
    queryKey: ['tones'],
    queryFn: () => get<{ data: Tone[] }>('/v1/tones'),
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: ['templates'],
    queryFn: () => get<{ data: Template[] }>('/v1/templates'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useWorkspace() {
  return useQuery({ queryKey: ['workspace'], queryFn: () => get<Workspace>('/v1/workspace') });
}

export function useBrand() {
  return useQuery({ queryKey: ['brand'], queryFn: () => get<Brand>('/v1/workspace/brand') });
}

/** The name social previews show: the brand's, else the workspace's. */
export function useBrandName(): string {
  const brand = useBrand();
  const { data: session } = useSession();
  return brand.data?.name ?? session?.workspace.name ?? '';
}

/**
 * How an actor (`member:<id>`, `api_key:<id>`, `system:<name>`) reads on screen: "you", a
 * member's name or email, else the actor as the API writes it.
 */
export function useActorName(): (actor: string | null) => string {
  const { data: session } = useSession();
  const members = useQuery({
    queryKey: ['members', { limit: 200 }],
    queryFn: () => get<Page<Member>>('/v1/members?limit=200'),
    staleTime: 60_000,
  });
  return (actor) => {
    if (!actor) return 'someone';
    if (session && actor === `member:${session.member.id}`) return 'you';
    const member = members.data?.data.find((m) => actor === `member:${m.id}`);
    return member ? member.name || member.email : actor;
  };
}
