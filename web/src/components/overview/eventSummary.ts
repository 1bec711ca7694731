import type { WorkspaceEvent } from '../../events.tsx';
import { formatDateTime } from '../../format.ts';

/** An event in words: what happened, to what (a link when it has a page), and the detail that matters. */
export interface EventSummary {
  what: string;
  subject: { label: string; href: string | null } | null;
  detail: string | null;
}

export interface NameLookup {
  campaign: (id: string) => string | undefined;
  source: (id: string) => string | undefined;
}

const familyNames: Record<string, string> = {
  api_key: 'API key',
  review_link: 'Review link',
  approval_policy: 'Approval policy',
};

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((entry) => typeof entry === 'string') : [];

/** `campaign.partially_failed` → "Campaign partially failed". */
function what(type: string): string {
  const [family = '', action = ''] = type.split('.');
  const name = familyNames[family] ?? family.charAt(0).toUpperCase() + family.slice(1);
  return `${name} ${action.replaceAll('_', ' ')}`;
}

function subjectOf(event: WorkspaceEvent, names: NameLookup): EventSummary['subject'] {
  const data = event.data;
  const campaignId =
    event.subjectType === 'campaign' ? event.subjectId : (text(data.campaignId) ?? null);
  if (campaignId) {
    const label = names.campaign(campaignId) ?? text(data.campaignName) ?? text(data.name);
    return { label: label ?? 'the campaign', href: `/campaigns/${campaignId}` };
  }
  if (event.subjectType === 'source' && event.subjectId) {
    const label = names.source(event.subjectId) ?? text(data.name) ?? 'the source';
    return { label, href: event.type === 'source.deleted' ? null : `/sources/${event.subjectId}` };
  }
  const label = text(data.name) ?? text(data.email) ?? text(data.url);
  return label ? { label, href: null } : null;
}

function detailOf(event: WorkspaceEvent): string | null {
  const data = event.data;
  const [family, action] = event.type.split('.');
  if (event.type === 'source.synced') {
    if (data.status === 'unchanged') return 'no change';
    const counts = record(data.counts);
    return `${counts.items} ${counts.items === 1 ? 'item' : 'items'}: ${counts.added} added, ${counts.changed} changed, ${counts.removed} removed`;
  }
  if (event.type === 'source.sync_failed') return text(record(data.error).message) ?? null;
  if (family === 'delivery') {
    const why = text(data.message) ?? text(data.reason);
    return [text(data.channel), why].filter(Boolean).join(': ') || null;
  }
  if (event.type === 'campaign.scheduled' || event.type === 'campaign.rescheduled') {
    const at = text(data.at);
    return at ? `for ${formatDateTime(at)}` : null;
  }
  if (family === 'approval') {
    const stage = text(record(data.stage).name);
    const comment = text(data.comment);
    return [stage ? `stage “${stage}”` : undefined, comment ? `“${comment}”` : undefined]
      .filter(Boolean)
      .join(', ');
  }
  if (event.type === 'comment.mentioned') return text(data.excerpt) ?? null;
  if (action === 'updated' && list(data.fields).length > 0) {
    return `changed ${list(data.fields).join(', ')}`;
  }
  return text(data.reason) ?? text(data.message) ?? null;
}

export function summarizeEvent(event: WorkspaceEvent, names: NameLookup): EventSummary {
  return {
    what: what(event.type),
    subject: subjectOf(event, names),
    detail: detailOf(event) || null,
  };
}
