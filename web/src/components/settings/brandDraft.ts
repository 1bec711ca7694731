import type { BrandProfile } from '../../types/settings.ts';

/** The brand form's fields as typed (strings; phrases one per line). */
export interface BrandDraft {
  name: string;
  siteUrl: string;
  senderName: string;
  senderEmail: string;
  primary: string;
  accent: string;
  logoUrl: string;
  defaultTone: string;
  hashtags: string[];
  prohibitedPhrases: string;
}

type TextField = Exclude<keyof BrandDraft, 'hashtags' | 'prohibitedPhrases'>;

export function toBrandDraft(brand: BrandProfile): BrandDraft {
  return {
    name: brand.name ?? '',
    siteUrl: brand.siteUrl ?? '',
    senderName: brand.senderName ?? '',
    senderEmail: brand.senderEmail ?? '',
    primary: brand.colors?.primary ?? '',
    accent: brand.colors?.accent ?? '',
    logoUrl: brand.logoUrl ?? '',
    defaultTone: brand.defaultTone ?? '',
    hashtags: brand.defaultHashtags ?? [],
    prohibitedPhrases: (brand.prohibitedPhrases ?? []).join('\n'),
  };
}

export function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/**
 * The PATCH body: every filled field. The API merges fields into the stored profile and has no way
 * to clear one, so emptying a stored text field is an error here rather than a silent no-op.
 */
export function toBrandPatch(
  draft: BrandDraft,
  stored: BrandProfile,
): { body: BrandProfile; errors: Partial<Record<TextField, string>> } {
  const storedText: Record<TextField, string | undefined> = {
    name: stored.name,
    siteUrl: stored.siteUrl,
    senderName: stored.senderName,
    senderEmail: stored.senderEmail,
    primary: stored.colors?.primary,
    accent: stored.colors?.accent,
    logoUrl: stored.logoUrl,
    defaultTone: stored.defaultTone,
  };
  const errors: Partial<Record<TextField, string>> = {};
  const text = (field: TextField): string | undefined => {
    const value = draft[field].trim();
    if (value) return value;
    if (storedText[field]) errors[field] = 'A saved value cannot be emptied; enter a new one.';
    return undefined;
  };
  const body = withoutUndefined({
    name: text('name'),
    siteUrl: text('siteUrl'),
    senderName: text('senderName'),
    senderEmail: text('senderEmail'),
    logoUrl: text('logoUrl'),
    defaultTone: text('defaultTone'),
    defaultHashtags: draft.hashtags,
    prohibitedPhrases: splitLines(draft.prohibitedPhrases),
    colors: withoutUndefined({ primary: text('primary'), accent: text('accent') }),
  }) as BrandProfile;
  return { body, errors };
}

function withoutUndefined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
