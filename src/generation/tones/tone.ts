import { z } from 'zod';
import { channelIds } from '../channels.ts';

const perChannelCap = z.partialRecord(z.enum(channelIds), z.number().int().min(0).max(50));

/**
 * A voice as data (PRODUCT.md §5.5). Formatters read its phrases; `applyTone` enforces its caps and
 * word choices on every text a draft contains. `{brand}` in a phrase is the brand's name; merge
 * tags like `{{first_name|there}}` are left for send time.
 */
export const toneSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]{1,49}$/, 'a tone id is lower-case letters, digits or _'),
  name: z.string().trim().min(1).max(100),
  description: z.string().max(500).default(''),
  /** Opens emails: `Hello {{first_name|there}},`. */
  greeting: z.string().max(200),
  /** Closes emails and web posts: `Best regards, the {brand} team`. */
  closing: z.string().max(300),
  /** Label of links to the full item when the item has no call to action of its own. */
  callToAction: z.string().min(1).max(60),
  /** Opens a social post before the item's title (may be empty). */
  socialOpener: z.string().max(60).default(''),
  /** Invites replies where a channel wants a question (Facebook). */
  engagementQuestion: z.string().min(1).max(200),
  /** Words per sentence the tone aims for; readability scoring compares against it. */
  sentenceLengthTarget: z.number().int().min(5).max(40),
  /** Most emoji per draft text, per channel; a channel not listed allows none. */
  emojiCap: perChannelCap,
  /** Most `!` per draft text; the rest become full stops. */
  exclamationCap: z.number().int().min(0).max(20),
  /** Casual words replaced (or dropped, when the replacement is empty), matched as whole words. */
  bannedWords: z
    .array(z.strictObject({ word: z.string().min(1).max(50), replacement: z.string().max(50) }))
    .max(200),
  /** Appended to every draft (e.g. "not medical advice"). */
  disclaimers: z.array(z.string().min(1).max(500)).max(5),
  preferredChannels: z.array(z.enum(channelIds)).default([]),
});
export type Tone = z.infer<typeof toneSchema>;
export type ToneInput = z.input<typeof toneSchema>;
