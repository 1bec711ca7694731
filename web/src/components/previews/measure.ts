import { measureLength } from '../../../../src/generation/social/measure-length.ts';
import type { SocialChannel } from '../../types/campaigns.ts';

/** A post's length as its platform counts it: the server's own function (twitter-text for X). */
export function postLength(text: string, channel: SocialChannel): number {
  return measureLength(text, channel.limits.counting);
}

/** Code points: how the server counts an email subject and preheader. */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}
