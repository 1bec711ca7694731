import type { SocialChannelId } from '../channels.ts';
import { applyTone, countEmoji } from '../tones/apply-tone.ts';
import type { Tone } from '../tones/tone.ts';

function countExclamations(text: string): number {
  return text.split('!').length - 1;
}

/**
 * Applies the tone to the prose pieces of one post in reading order with one shared budget, so
 * the whole post holds the tone's emoji and `!` caps while links and hashtags stay untouched (a
 * banned-word swap inside a URL would break it). `reserved` is text the budget must also cover.
 */
export function applyToneInOrder(
  pieces: readonly string[],
  tone: Tone,
  channel: SocialChannelId,
  reserved: string,
): string[] {
  let emojiLeft = Math.max(0, (tone.emojiCap[channel] ?? 0) - countEmoji(reserved));
  let exclamationsLeft = Math.max(0, tone.exclamationCap - countExclamations(reserved));
  return pieces.map((piece) => {
    const budget: Tone = {
      ...tone,
      exclamationCap: exclamationsLeft,
      emojiCap: { ...tone.emojiCap, [channel]: emojiLeft },
    };
    const toned = applyTone(piece, budget, channel);
    emojiLeft = Math.max(0, emojiLeft - countEmoji(toned));
    exclamationsLeft = Math.max(0, exclamationsLeft - countExclamations(toned));
    return toned;
  });
}
