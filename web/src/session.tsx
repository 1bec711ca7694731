import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, get, post, setCsrfToken } from './api.ts';

export interface Session {
  member: { id: string; email: string; name: string | null; role: string; labels: string[] };
  role: string;
  scopes: ('read' | 'write' | 'publish' | 'admin')[];
  csrfToken: string;
  expiresAt: string;
  workspace: { id: string; slug: string; name: string };
}

export const sessionKey = ['session'] as const;

/** The signed-in member, or null when there is no session (401). */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async (): Promise<Session | null> => {
      try {
        const session = await get<Session>('/v1/auth/session');
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

/** Stores a session a login or setup answered with, so the app switches to signed-in at once. */
export function useAcceptSession() {
  const client = useQueryClient();
  return (session: Session) => {
    setCsrfToken(session.csrfToken);
    client.setQueryData(sessionKey, session);
  };
}

export function useLogOut() {
  const client = useQueryClient();
  return async () => {
    await post('/v1/auth/logout');
    setCsrfToken(null);
    client.clear();
    client.setQueryData(sessionKey, null);
  };
}

export function can(session: Session | null | undefined, scope: Session['scopes'][number]) {
  return Boolean(session?.scopes.includes(scope));
}
