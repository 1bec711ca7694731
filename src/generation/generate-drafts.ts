import type { ChannelId } from './channels.ts';
import { channels } from './channels.ts';
import type { Draft, FormattedDraft } from './draft.ts';
import { createDraftCache, type DraftCache } from './draft-cache.ts';
import { formatEmail } from './email/format-email.ts';
import type { GenerationInput } from './generation-input.ts';
import { scoreDraft } from './quality/score-draft.ts';
import { formatSocial } from './social/format-social.ts';
import { validateDraft } from './validation/validate-draft.ts';
import { formatWeb } from './web/format-web.ts';

/**
 * One per process: generation is pure, so any caller may reuse another's drafts. 500 channels of
 * drafts: an email draft is ~30 KB, so the cache stays around 15 MB at worst.
 */
const sharedDraftCache = createDraftCache({ maxEntries: 500 });

export interface GenerationResult {
  drafts: Draft[];
  /** Channels that got no draft, and why (no item is meant for them). */
  skipped: Array<{ channel: ChannelId; reason: string }>;
}

/**
 * Items → validated, scored drafts for each channel (PRODUCT.md §5). An item that names its
 * channels only reaches those. Deterministic: no clock, no network, no randomness, which is what
 * lets drafts be remembered per channel (draft-cache.ts; `cache: null` always generates).
 */
export async function generateDrafts(
  input: GenerationInput,
  channelIds: readonly ChannelId[],
  { cache = sharedDraftCache }: { cache?: DraftCache | null } = {},
): Promise<GenerationResult> {
  const drafts: Draft[] = [];
  const skipped: GenerationResult['skipped'] = [];
  for (const channel of channelIds) {
    const items = input.items.filter(
      (item) => item.channels === null || item.channels.includes(channel),
    );
    if (items.length === 0) {
      skipped.push({ channel, reason: 'No item is meant for this channel.' });
      continue;
    }
    const key = cache?.key(input, channel, items);
    const cached = key === undefined ? undefined : cache?.get(key);
    if (cached) {
      drafts.push(...cached);
      continue;
    }
    const channelInput = items.length === input.items.length ? input : { ...input, items };
    const channelDrafts: Draft[] = [];
    for (const formatted of await formatFor(channel, channelInput)) {
      const issues = [
        ...formatted.issues,
        ...validateDraft(channel, formatted.content, {
          tone: input.tone,
          prohibitedPhrases: input.brand.prohibitedPhrases,
        }),
      ];
      channelDrafts.push({
        channel,
        content: formatted.content,
        issues,
        quality: scoreDraft(formatted.content, issues, { tone: input.tone }),
      });
    }
    if (key !== undefined) cache?.set(key, channelDrafts);
    drafts.push(...channelDrafts);
  }
  return { drafts, skipped };
}

async function formatFor(channel: ChannelId, input: GenerationInput): Promise<FormattedDraft[]> {
  const definition = channels[channel];
  if (definition.kind === 'email') return [await formatEmail(input)];
  if (definition.kind === 'web') return [formatWeb(input)];
  return formatSocial(definition.id, input);
}
