import type { BrandProfile } from '../db/schema.ts';
import { type BrandContext, builtInProhibitedPhrases } from './generation-input.ts';

const DEFAULT_PRIMARY = '#1f4e79';
const DEFAULT_ACCENT = '#0f7b6c';

/** A workspace's brand profile with every default filled in, as the formatters read it. */
export function brandContext(workspaceName: string, brand: BrandProfile): BrandContext {
  const name = brand.name ?? workspaceName;
  const prohibited = new Set<string>(builtInProhibitedPhrases);
  for (const phrase of brand.prohibitedPhrases ?? []) prohibited.add(phrase.toLowerCase());
  return {
    name,
    siteUrl: brand.siteUrl?.replace(/\/+$/, '') ?? null,
    senderName: brand.senderName ?? name,
    primaryColor: brand.colors?.primary ?? DEFAULT_PRIMARY,
    accentColor: brand.colors?.accent ?? DEFAULT_ACCENT,
    logoUrl: brand.logoUrl ?? null,
    hashtags: (brand.defaultHashtags ?? []).map((tag) => tag.replace(/^#/, '')),
    prohibitedPhrases: [...prohibited],
  };
}
