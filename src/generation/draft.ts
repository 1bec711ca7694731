import type { ChannelId, SocialChannelId } from './channels.ts';

/** A problem with a draft (PRODUCT.md §5.6): errors block approval and publishing. */
export interface DraftIssue {
  severity: 'error' | 'warning' | 'info';
  /** Stable, snake_case: `prohibited_phrase`, `subject_too_long`, `post_too_long`, … */
  code: string;
  /** The draft field at fault: `subject`, `html`, `posts[2].text`, `metaDescription`, … */
  field: string;
  message: string;
}

/** 0–100 each; `seo` is null for channels without SEO (social). */
export interface QualityScore {
  overall: number;
  readability: number;
  structure: number;
  seo: number | null;
  engagement: number;
  brandCompliance: number;
  /** Flesch reading ease of the draft's plain text (can be below 0 or above 100). */
  fleschReadingEase: number;
}

export interface EmailContent {
  channel: 'email';
  template: string;
  subject: string;
  preheader: string;
  /** Complete HTML document. Merge tags such as `{{first_name|there}}` are kept for send time. */
  html: string;
  /** The text/plain part, with the same merge tags. */
  text: string;
  htmlBytes: number;
  /** Item keys in the order they appear. */
  itemKeys: string[];
}

export interface WebContent {
  channel: 'web';
  title: string;
  slug: string;
  excerpt: string;
  /** Sanitized article HTML (the body, not a full page). */
  html: string;
  tags: string[];
  seoTitle: string;
  metaDescription: string;
  canonicalUrl: string | null;
  /** schema.org BlogPosting. */
  jsonLd: Record<string, unknown>;
  /** `og:title`, `og:description`, `og:type`, `og:url`, … */
  openGraph: Record<string, string>;
  /** Empty for short posts. */
  toc: Array<{ level: number; text: string; id: string }>;
  readingTimeMinutes: number;
  itemKeys: string[];
}

export interface SocialPost {
  text: string;
  /** Length as the platform counts it (see channels.ts `counting`). */
  length: number;
}

export interface SocialContent {
  channel: SocialChannelId;
  /** One post, or an X thread (numbered `1/3`, `2/3`, …). */
  posts: SocialPost[];
  /** The tracked link (with UTM parameters) the post carries, if any. */
  link: string | null;
  hashtags: string[];
  itemKeys: string[];
}

export type DraftContent = EmailContent | WebContent | SocialContent;

/** What a formatter returns: the content and the channel-specific issues it found. */
export interface FormattedDraft<Content extends DraftContent = DraftContent> {
  content: Content;
  issues: DraftIssue[];
}

/** A generated draft, validated and scored. */
export interface Draft<Content extends DraftContent = DraftContent> {
  channel: ChannelId;
  content: Content;
  issues: DraftIssue[];
  quality: QualityScore;
}
