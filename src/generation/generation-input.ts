import type { Item } from '../documents/item.ts';
import type { Tone } from './tones/tone.ts';

export const emailTemplateIds = ['modern', 'minimal', 'plain', 'brand'] as const;
export type EmailTemplateId = (typeof emailTemplateIds)[number];

/** Phrases no channel may publish (PRODUCT.md §5.5), before a workspace adds its own. */
export const builtInProhibitedPhrases = [
  'cure',
  'cures',
  'diagnose',
  'guaranteed',
  'guarantee',
  'miracle',
  'instant results',
  'risk-free',
  'clinically proven',
  'no side effects',
] as const;

/** The brand as generation sees it: the workspace's profile with every default filled in. */
export interface BrandContext {
  name: string;
  /** Base of canonical URLs and item links; null = links only where items give one. */
  siteUrl: string | null;
  senderName: string;
  primaryColor: string;
  accentColor: string;
  logoUrl: string | null;
  /** Brand hashtags, without `#`. */
  hashtags: string[];
  /** Built-in plus workspace phrases, lower-case. */
  prohibitedPhrases: string[];
}

/** Merge tags filled per recipient at send time; generation writes them as they are. */
export const mergeTags = {
  unsubscribeUrl: '{{unsubscribe_url}}',
  preferencesUrl: '{{preferences_url}}',
  viewInBrowserUrl: '{{view_in_browser_url}}',
} as const;

/**
 * Everything a formatter needs; nothing else (no clock, no network), so the same input always
 * gives byte-identical output.
 */
export interface GenerationInput {
  /** Publishable items in document order (`published: false` already removed). */
  items: Item[];
  tone: Tone;
  brand: BrandContext;
  template: EmailTemplateId;
  /** `utm_campaign` and the web post's slug base. */
  campaignSlug: string;
  /** Email: most items shown per section. */
  itemsPerSection: number;
  /** Email: sections rendered last, as a footer (section keys). */
  footerSections: readonly string[];
  /** Social: one post from the lead item, or one post per item. */
  socialMode: 'lead' | 'per_item';
}

/**
 * The lead item: featured first, then the highest priority (1 = most urgent), then document order.
 * Email subjects, web titles and lead social posts start from it.
 */
export function leadItem(items: readonly Item[]): Item | undefined {
  let lead: Item | undefined;
  for (const item of items) {
    if (
      lead === undefined ||
      (item.featured && !lead.featured) ||
      (item.featured === lead.featured && item.priority < lead.priority)
    )
      lead = item;
  }
  return lead;
}
