import type { ChannelId } from '../channels.ts';
import type { DraftContent, DraftIssue } from '../draft.ts';
import { countEmoji } from '../tones/apply-tone.ts';
import type { Tone } from '../tones/tone.ts';
import { draftTexts } from './draft-texts.ts';
import { findProhibitedPhrases } from './find-prohibited-phrases.ts';
import { findSensitiveTopics } from './find-sensitive-topics.ts';

/**
 * Checks every channel shares: prohibited phrases are errors wherever they appear; a text over the
 * tone's emoji or exclamation cap (per subject, post or paragraph) is a warning: formatters apply
 * the tone, so this is the proof. Health or medical claims are warnings that add the legal approval
 * stage (find-sensitive-topics.ts). Channel-specific limits are checked by each formatter.
 */
export function validateDraft(
  channel: ChannelId,
  content: DraftContent,
  { tone, prohibitedPhrases }: { tone: Tone; prohibitedPhrases: readonly string[] },
): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const reported = new Set<string>();
  const emojiCap = tone.emojiCap[channel] ?? 0;
  for (const { field, text, capped } of draftTexts(content)) {
    for (const match of findProhibitedPhrases(text, prohibitedPhrases)) {
      // One error per phrase and draft: the html and text parts repeat each other.
      if (reported.has(match.phrase)) continue;
      reported.add(match.phrase);
      issues.push({
        severity: 'error',
        code: 'prohibited_phrase',
        field,
        message: `"${match.found}" is a prohibited phrase for this brand; rephrase it without the claim.`,
      });
    }
    if (!capped) continue;
    const emoji = countEmoji(text);
    if (emoji > emojiCap)
      issues.push({
        severity: 'warning',
        code: 'tone_emoji_cap',
        field,
        message: `${emoji} emoji; the ${tone.name} tone allows ${emojiCap} on ${channel}.`,
      });
    const exclamations = text.split('!').length - 1;
    if (exclamations > tone.exclamationCap)
      issues.push({
        severity: 'warning',
        code: 'tone_exclamation_cap',
        field,
        message: `${exclamations} exclamation marks; the ${tone.name} tone allows ${tone.exclamationCap}.`,
      });
  }
  issues.push(...findSensitiveTopics(content));
  return issues;
}
