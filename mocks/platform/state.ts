import type { ContentInput } from './schemas.ts';

export interface StoredContent {
  id: string;
  url: string;
  title: string;
  content_html: string;
  content_markdown: string | null;
  excerpt: string | null;
  slug: string;
  type: 'post' | 'page';
  status: 'draft' | 'published' | 'scheduled';
  tags: string[];
  seo: { title?: string; description?: string };
  scheduled_at: string | null;
  idempotency_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface CreatedAnswer {
  id: string;
  url: string;
  status: StoredContent['status'];
}

export interface MockPlatformStats {
  created: number;
  updated: number;
  deleted: number;
  duplicates: number;
  rejected: { error: number; forbidden: number; ratelimit: number; invalid: number };
  timeouts: number;
  slow: number;
  requests: number;
}

export interface MockPlatformState {
  baseUrl: string;
  content: Map<string, StoredContent>;
  /** Idempotency-Key → the first answer; kept after a delete so a repeat never posts twice. */
  idempotency: Map<string, CreatedAnswer>;
  stats: MockPlatformStats;
}

/** Fresh counters: used at start and by DELETE /api/v1/test-data. */
export function emptyStats(): MockPlatformStats {
  return {
    created: 0,
    updated: 0,
    deleted: 0,
    duplicates: 0,
    rejected: { error: 0, forbidden: 0, ratelimit: 0, invalid: 0 },
    timeouts: 0,
    slow: 0,
    requests: 0,
  };
}

/** One in-memory Platform per server, so parallel tests never share posts. */
export function createState(): MockPlatformState {
  return { baseUrl: '', content: new Map(), idempotency: new Map(), stats: emptyStats() };
}

/** Clears content, idempotency keys and stats; the reset behind DELETE /api/v1/test-data. */
export function resetState(state: MockPlatformState): void {
  state.content.clear();
  state.idempotency.clear();
  state.stats = emptyStats();
}

/** Slugs are unique among stored content; `exceptId` lets a PATCH keep its own slug. */
export function slugTaken(state: MockPlatformState, slug: string, exceptId?: string): boolean {
  for (const item of state.content.values())
    if (item.slug === slug && item.id !== exceptId) return true;
  return false;
}

/** The public address of a post, as a real CMS would answer it. */
export function postUrl(state: MockPlatformState, slug: string): string {
  return `${state.baseUrl}/posts/${slug}`;
}

/** Normalises validated input into the stored shape (absent optionals become null or empty). */
export function toStored(
  state: MockPlatformState,
  input: ContentInput,
  meta: { id: string; idempotencyKey: string | null; createdAt: string; updatedAt: string },
): StoredContent {
  const seo: StoredContent['seo'] = {};
  if (input.seo?.title !== undefined) seo.title = input.seo.title;
  if (input.seo?.description !== undefined) seo.description = input.seo.description;
  return {
    id: meta.id,
    url: postUrl(state, input.slug),
    title: input.title,
    content_html: input.content_html,
    content_markdown: input.content_markdown ?? null,
    excerpt: input.excerpt ?? null,
    slug: input.slug,
    type: input.type,
    status: input.status,
    tags: input.tags ?? [],
    seo,
    scheduled_at: input.scheduled_at ?? null,
    idempotency_key: meta.idempotencyKey,
    created_at: meta.createdAt,
    updated_at: meta.updatedAt,
  };
}

/** Turns a stored item back into input, so a PATCH can be merged and validated as a whole. */
export function toInput(item: StoredContent): ContentInput {
  const input: ContentInput = {
    title: item.title,
    content_html: item.content_html,
    slug: item.slug,
    type: item.type,
    status: item.status,
    tags: item.tags,
    seo: item.seo,
  };
  if (item.content_markdown !== null) input.content_markdown = item.content_markdown;
  if (item.excerpt !== null) input.excerpt = item.excerpt;
  if (item.scheduled_at !== null) input.scheduled_at = item.scheduled_at;
  return input;
}
