import { type Tone, type ToneInput, toneSchema } from './tone.ts';

const professional: ToneInput = {
  id: 'professional',
  name: 'Professional',
  description: 'Clear, calm and factual. No emoji, no exclamation marks.',
  greeting: 'Hello {{first_name|there}},',
  closing: 'Best regards,\nThe {brand} team',
  callToAction: 'Read the full update',
  socialOpener: '',
  engagementQuestion: 'What would you like to hear more about?',
  sentenceLengthTarget: 20,
  emojiCap: {},
  exclamationCap: 0,
  bannedWords: [
    { word: 'awesome', replacement: 'excellent' },
    { word: 'super', replacement: 'very' },
    { word: 'cool', replacement: 'useful' },
    { word: 'gonna', replacement: 'going to' },
    { word: 'wanna', replacement: 'want to' },
    { word: 'stuff', replacement: 'material' },
    { word: 'guys', replacement: 'everyone' },
    { word: 'folks', replacement: 'everyone' },
    { word: 'totally', replacement: '' },
  ],
  disclaimers: [],
  preferredChannels: ['email', 'web', 'linkedin'],
};

const encouraging: ToneInput = {
  id: 'encouraging',
  name: 'Encouraging',
  description: 'Warm and upbeat, speaks to the reader, a little emoji where the channel suits it.',
  greeting: 'Hi {{first_name|there}}!',
  closing: 'Keep going, one breath at a time.\nThe {brand} team',
  callToAction: 'Give it a try',
  socialOpener: 'Good news:',
  engagementQuestion: 'How are you getting on? Tell us in the comments.',
  sentenceLengthTarget: 14,
  emojiCap: { email: 1, x: 2, linkedin: 1, facebook: 2, instagram: 5, mastodon: 2, bluesky: 2 },
  exclamationCap: 1,
  bannedWords: [
    { word: 'gonna', replacement: 'going to' },
    { word: 'wanna', replacement: 'want to' },
  ],
  disclaimers: [],
  preferredChannels: ['email', 'instagram', 'facebook', 'x'],
};

const medicalScientific: ToneInput = {
  id: 'medical_scientific',
  name: 'Medical / scientific',
  description: 'Precise and cautious; claims stay modest; always carries a medical disclaimer.',
  greeting: 'Dear {{first_name|reader}},',
  closing: 'Sincerely,\nThe {brand} team',
  callToAction: 'Review the details',
  socialOpener: '',
  engagementQuestion: 'Which questions would you like our team to address?',
  sentenceLengthTarget: 22,
  emojiCap: {},
  exclamationCap: 0,
  bannedWords: [
    { word: 'amazing', replacement: 'notable' },
    { word: 'incredible', replacement: 'substantial' },
    { word: 'revolutionary', replacement: 'new' },
    { word: 'awesome', replacement: 'notable' },
    { word: 'super', replacement: 'very' },
    { word: 'totally', replacement: '' },
    { word: 'magic', replacement: 'effect' },
  ],
  disclaimers: [
    'This content is for general information only and is not medical advice. Talk to a qualified health professional about your own situation.',
  ],
  preferredChannels: ['email', 'web', 'linkedin'],
};

/** The tones every workspace has; workspaces add their own (same schema) next to these. */
export const builtInTones: Readonly<Record<string, Tone>> = Object.fromEntries(
  [professional, encouraging, medicalScientific].map((tone) => {
    const parsed = toneSchema.parse(tone);
    return [parsed.id, parsed];
  }),
);
