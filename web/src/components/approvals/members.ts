import { useQuery } from '@tanstack/react-query';
import type { Member } from '../../types/approvals.ts';
import { fetchAllPages } from './fetch-all-pages.ts';

/** The workspace's members, to name the people behind actor labels and mentions. */
export function useMembers() {
  return useQuery({
    queryKey: ['members'],
    queryFn: () => fetchAllPages<Member>('/v1/members'),
    staleTime: 60_000,
  });
}

export function membersById(members: readonly Member[] | undefined): Map<string, Member> {
  return new Map((members ?? []).map((member) => [member.id, member]));
}

/** A member's name; "a member" for an id no longer (or not yet) among the loaded members. */
export function memberName(id: string, members: ReadonlyMap<string, Member>): string {
  return members.get(id)?.name ?? 'a member';
}

/**
 * An actor label (`member:<id>`, `api_key:<id>`, `review_link:<id>`, `system:<name>`) as a name
 * to use inside a sentence ("approved by an API key"); `capitalized` for the start of a line.
 */
export function actorName(actor: string, members: ReadonlyMap<string, Member>): string {
  const [kind = '', id = ''] = actor.split(':');
  switch (kind) {
    case 'member':
      return memberName(id, members);
    case 'api_key':
      return 'an API key';
    case 'review_link':
      return 'an external reviewer';
    case 'system':
      return `the system (${id.replaceAll('_', ' ')})`;
    default:
      return actor;
  }
}

export function capitalized(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
