import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';

/** One event of the workspace's log, as `/v1/events` and the stream carry it (docs/events.md). */
export interface WorkspaceEvent {
  id: string;
  type: string;
  subjectType: string;
  subjectId: string | null;
  actor: string;
  data: Record<string, unknown>;
  createdAt: string;
}

/**
 * Which cached queries an event makes stale, by the event's family. Query keys start with the
 * resource they read (`['campaigns', …]`, `['deliveries', …]`), so a family names key roots.
 */
const staleRootsByFamily: Record<string, string[]> = {
  campaign: ['campaigns', 'campaign', 'approvals', 'calendar', 'overview'],
  approval: ['campaigns', 'campaign', 'approvals', 'calendar', 'overview'],
  draft: ['campaign', 'draft', 'approvals'],
  comment: ['comments'],
  delivery: ['deliveries', 'outbox', 'campaign', 'campaigns', 'calendar', 'overview'],
  source: ['sources', 'source', 'snapshot'],
  connection: ['connections', 'overview'],
  member: ['members'],
  api_key: ['api-keys'],
  webhook: ['webhooks'],
  tone: ['tones', 'preview'],
  workspace: ['brand', 'workspace', 'preview'],
  review_link: ['review-links'],
  approval_policy: ['approval-policy'],
};

const RECENT_LIMIT = 50;

interface EventStreamState {
  connected: boolean;
  recent: WorkspaceEvent[];
}

const EventStreamContext = createContext<EventStreamState>({ connected: false, recent: [] });

/** The live log: connected, and the latest events, newest first. */
export function useEventStream(): EventStreamState {
  return useContext(EventStreamContext);
}

/**
 * One WebSocket per signed-in tab on `/v1/events/stream` (the session cookie authenticates it).
 * Every event marks the queries it affects stale, so every page shows what happened in another tab
 * or process without a reload. Reconnects with `since=<last id>`: nothing is missed in between.
 */
export function EventStreamProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [state, setState] = useState<EventStreamState>({ connected: false, recent: [] });

  useEffect(() => {
    let socket: WebSocket | null = null;
    let lastId: string | null = null;
    let retryMs = 500;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let closed = false;
    const pending = new Set<string>();
    let flush: ReturnType<typeof setTimeout> | undefined;

    const connect = () => {
      const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
      const since = lastId === null ? '' : `?since=${encodeURIComponent(lastId)}`;
      socket = new WebSocket(`${scheme}://${location.host}/v1/events/stream${since}`);
      socket.onopen = () => {
        retryMs = 500;
        setState((s) => ({ ...s, connected: true }));
      };
      socket.onmessage = (message) => {
        const parsed = parse(message.data);
        if (parsed?.kind !== 'event') return;
        const event = parsed.event;
        lastId = event.id;
        setState((s) => ({ ...s, recent: [event, ...s.recent].slice(0, RECENT_LIMIT) }));
        for (const root of staleRootsByFamily[event.type.split('.')[0] ?? ''] ?? []) {
          pending.add(root);
        }
        flush ??= setTimeout(() => {
          flush = undefined;
          invalidate(client, pending);
        }, 100);
      };
      socket.onclose = () => {
        setState((s) => ({ ...s, connected: false }));
        if (closed) return;
        timer = setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, 15_000);
      };
    };
    connect();
    return () => {
      closed = true;
      clearTimeout(timer);
      clearTimeout(flush);
      socket?.close();
    };
  }, [client]);

  return <EventStreamContext.Provider value={state}>{children}</EventStreamContext.Provider>;
}

function invalidate(client: QueryClient, roots: Set<string>) {
  const stale = new Set(roots);
  roots.clear();
  void client.invalidateQueries({
    predicate: (query) => stale.has(String(query.queryKey[0])),
  });
}

function parse(data: unknown): { kind: string; event: WorkspaceEvent } | null {
  if (typeof data !== 'string') return null;
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}
