import type { ChannelId } from '../channels.ts';
import { applyTone } from '../tones/apply-tone.ts';
import type { Tone } from '../tones/tone.ts';

/** URLs and image markers are syntax, not prose: a tone must not rewrite them. */
const PROTECTED = /!\[|https?:\/\/[^\s)<>\]]+|\]\([^)\s]*/g;

/**
 * `applyTone` for Markdown: image markers (`![`) and URLs are set aside first, so a zero
 * exclamation cap cannot break an image and a banned word cannot change a link.
 */
export function toneMarkdown(markdown: string, tone: Tone, channel: ChannelId): string {
  const kept: string[] = [];
  const masked = markdown.replace(PROTECTED, (match) => {
    kept.push(match);
    return `\uE000${kept.length - 1}\uE001`;
  });
  return applyTone(masked, tone, channel).replace(
    /\uE000(\d+)\uE001/g,
    (_match, index: string) => kept[Number(index)] ?? '',
  );
}
