import type { CampaignDraft, Channel } from '../../types/campaigns.ts';

/** A channel's label from the registry ("Email newsletter", "X", …), else its id. */
export function channelLabel(channels: Map<string, Channel> | undefined, id: string): string {
  return channels?.get(id)?.label ?? id;
}

/**
 * How a draft is named on screen: its channel's label, plus the item for per-item social drafts
 * (target `x:news/launch` → "X (news/launch)"), so each label is unique on a page.
 */
export function draftLabel(
  channels: Map<string, Channel> | undefined,
  channel: string,
  itemKey: string | null,
): string {
  const label = channelLabel(channels, channel);
  return itemKey ? `${label} (${itemKey})` : label;
}

/** The item a stored draft is for, when it is one of several per-item drafts of its channel. */
export function targetItemKey(draft: Pick<CampaignDraft, 'channel' | 'target'>): string | null {
  return draft.target === draft.channel ? null : draft.target.slice(draft.channel.length + 1);
}
