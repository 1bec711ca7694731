import type { ChannelId } from './channels.ts';
import { channels } from './channels.ts';
import type { Draft, FormattedDraft } from './draft.ts';
import { formatEmail } from './email/format-email.ts';
import type { GenerationInput } from './generation-input.ts';
import { scoreDraft } from './quality/score-draft.ts';
import { formatSocial } from './social/format-social.ts';
import { validateDraft } from './validation/validate-draft.ts';
import { formatWeb } from './web/format-web.ts';

export interface GenerationResult {
  drafts: Draft[];
  /** Channels that got no draft, and why (no item is meant for them). */
  skipped: Array<{ channel: ChannelId; reason: string }>;
}

/**
 * Items → validated, scored drafts for each channel (PRODUCT.md §5). An item that names its
 * channels only reaches those. Deterministic: no clock, no network, no randomness.
 */
export async function generateDrafts(
  input: GenerationInput,
  channelIds: readonly ChannelId[],
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
    const channelInput = items.length === input.items.length ? input : { ...input, items };
    for (const formatted of await formatFor(channel, channelInput)) {
      const issues = [
        ...formatted.issues,
        ...validateDraft(channel, formatted.content, {
          tone: input.tone,
          prohibitedPhrases: input.brand.prohibitedPhrases,
        }),
      ];
      drafts.push({
        channel,
        content: formatted.content,
        issues,
        quality: scoreDraft(formatted.content, issues, { tone: input.tone }),
      });
    }
  }
  return { drafts, skipped };
}

async function formatFor(channel: ChannelId, input: GenerationInput): Promise<FormattedDraft[]> {
  const definition = channels[channel];
  if (definition.kind === 'email') return [await formatEmail(input)];
  if (definition.kind === 'web') return [formatWeb(input)];
  return formatSocial(definition.id, input);
}
