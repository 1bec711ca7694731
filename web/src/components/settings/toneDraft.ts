import { type ChannelId, channelIds, type Tone } from '../../types/settings.ts';
import { splitLines } from './brandDraft.ts';

/** A tone as the form edits it: lists as text, one entry a line; caps as numbers or ''. */
export interface ToneDraft {
  id: string;
  name: string;
  description: string;
  greeting: string;
  closing: string;
  callToAction: string;
  socialOpener: string;
  engagementQuestion: string;
  sentenceLengthTarget: number | string;
  exclamationCap: number | string;
  emojiCap: Record<ChannelId, number | string>;
  bannedWords: string;
  disclaimers: string;
  preferredChannels: string[];
}

export const emptyToneDraft: ToneDraft = {
  id: '',
  name: '',
  description: '',
  greeting: '',
  closing: '',
  callToAction: '',
  socialOpener: '',
  engagementQuestion: '',
  sentenceLengthTarget: 20,
  exclamationCap: 0,
  emojiCap: Object.fromEntries(channelIds.map((id) => [id, ''])) as Record<ChannelId, string>,
  bannedWords: '',
  disclaimers: '',
  preferredChannels: [],
};

export function toToneDraft(tone: Tone): ToneDraft {
  return {
    id: tone.id,
    name: tone.name,
    description: tone.description,
    greeting: tone.greeting,
    closing: tone.closing,
    callToAction: tone.callToAction,
    socialOpener: tone.socialOpener,
    engagementQuestion: tone.engagementQuestion,
    sentenceLengthTarget: tone.sentenceLengthTarget,
    exclamationCap: tone.exclamationCap,
    emojiCap: Object.fromEntries(channelIds.map((id) => [id, tone.emojiCap[id] ?? ''])) as Record<
      ChannelId,
      number | string
    >,
    bannedWords: tone.bannedWords
      .map(({ word, replacement }) => `${word} = ${replacement}`.trimEnd())
      .join('\n'),
    disclaimers: tone.disclaimers.join('\n'),
    preferredChannels: tone.preferredChannels,
  };
}

/** `word = replacement` (or `word =`, or `word` alone: dropped) per line. */
function parseBannedWords(text: string): { word: string; replacement: string }[] {
  return splitLines(text).map((line) => {
    const at = line.indexOf('=');
    if (at < 0) return { word: line, replacement: '' };
    return { word: line.slice(0, at).trim(), replacement: line.slice(at + 1).trim() };
  });
}

const asNumber = (value: number | string): number | string =>
  typeof value === 'number' ? value : value.trim() === '' ? value : Number(value);

/** The body of POST /v1/tones (or, without `id`, PUT /v1/tones/{id}); the API validates it. */
export function toToneBody(draft: ToneDraft): Record<string, unknown> {
  const emojiCap: Record<string, number | string> = {};
  for (const id of channelIds) {
    const cap = draft.emojiCap[id];
    if (cap !== '') emojiCap[id] = asNumber(cap);
  }
  return {
    id: draft.id.trim(),
    name: draft.name,
    description: draft.description,
    greeting: draft.greeting,
    closing: draft.closing,
    callToAction: draft.callToAction,
    socialOpener: draft.socialOpener,
    engagementQuestion: draft.engagementQuestion,
    sentenceLengthTarget: asNumber(draft.sentenceLengthTarget),
    exclamationCap: asNumber(draft.exclamationCap),
    emojiCap,
    bannedWords: parseBannedWords(draft.bannedWords),
    disclaimers: splitLines(draft.disclaimers),
    preferredChannels: draft.preferredChannels,
  };
}
