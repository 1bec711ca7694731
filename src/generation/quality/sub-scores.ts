import { channels } from '../channels.ts';
import type { DraftContent, EmailContent, SocialContent, WebContent } from '../draft.ts';
import { countEmoji } from '../tones/apply-tone.ts';
import type { Tone } from '../tones/tone.ts';
import type { TextStats } from './flesch.ts';
import { countWords } from './plain-text-of.ts';

/** Rounds and clamps a sub-score to an integer in 0–100. */
export function clampScore(value: number): number {
  return Math.min(100, Math.max(0, Math.round(value)));
}

/** Blank-line separated blocks of a plain text. */
function paragraphsOf(text: string): string[] {
  return text.split(/\n\s*\n/).filter((paragraph) => paragraph.trim() !== '');
}

/** Flesch 70+ ("fairly easy") earns full marks; sentences far from the tone's target cost up to 40. */
export function readabilityScore(flesch: number, stats: TextStats, tone: Tone): number {
  if (stats.words === 0) return 0;
  const base = (Math.min(Math.max(flesch, 0), 70) / 70) * 100;
  const averageSentence = stats.words / stats.sentences;
  const deviation =
    Math.abs(averageSentence - tone.sentenceLengthTarget) / tone.sentenceLengthTarget;
  const penalty = Math.min(40, Math.max(0, deviation - 0.25) * 80);
  return clampScore(base - penalty);
}

/** Headings, paragraphs of readable size, and a length between thin and exhausting. */
function longFormStructure(headings: number, text: string): number {
  const paragraphs = paragraphsOf(text);
  const words = countWords(text);
  let score = 100;
  if (paragraphs.length < 2) score -= 30;
  if (paragraphs.some((paragraph) => countWords(paragraph) > 150)) score -= 15;
  if (headings === 0 && words > 300) score -= 20;
  if (words < 80) score -= 20;
  if (words > 2500) score -= 15;
  return clampScore(score);
}

/** Every post fits its platform, threads stay short, and no post is one long block. */
function socialStructure(content: SocialContent): number {
  const { maxLength } = channels[content.channel].limits;
  let score = 100;
  if (content.posts.length === 0) return 0;
  if (content.posts.some((post) => post.length > maxLength)) score -= 50;
  if (content.posts.length > 3) score -= 10 * (content.posts.length - 3);
  if (content.posts.some((post) => countWords(post.text) > 60 && !post.text.includes('\n')))
    score -= 20;
  return clampScore(score);
}

function headingCount(html: string): number {
  return html.match(/<h[1-6][\s>]/gi)?.length ?? 0;
}

/** How well the draft is laid out for its channel. */
export function structureScore(content: DraftContent, text: string): number {
  if (content.channel === 'email' || content.channel === 'web')
    return longFormStructure(headingCount(content.html), text);
  return socialStructure(content);
}

function webSeo(content: WebContent): number {
  const web = channels.web.limits;
  const between = (length: number, min: number, max: number) => length >= min && length <= max;
  let score = 0;
  if (between(content.title.length, web.titleMin, web.titleMax)) score += 15;
  if (between(content.seoTitle.length, 30, web.seoTitleMax)) score += 15;
  else if (between(content.seoTitle.length, 1, web.seoTitleMax)) score += 8;
  const meta = content.metaDescription.length;
  if (between(meta, web.metaDescriptionMin, web.metaDescriptionMax)) score += 20;
  else if (between(meta, 1, web.metaDescriptionMax)) score += 8;
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(content.slug) && content.slug.length <= web.slugMax)
    score += 15;
  if (content.tags.length > 0) score += 10;
  if (content.canonicalUrl !== null) score += 10;
  if (content.jsonLd['@type'] === 'BlogPosting') score += 5;
  if (content.openGraph['og:title'] && content.openGraph['og:description']) score += 5;
  if (content.excerpt !== '') score += 5;
  return score;
}

function emailSeo(content: EmailContent): number {
  const subject = content.subject.length;
  const { subjectMin, subjectMax, preheaderMax } = channels.email.limits;
  let score = 0;
  if (subject >= 30 && subject <= 60) score += 50;
  else if (subject >= subjectMin && subject <= subjectMax) score += 25;
  const preheader = content.preheader.trim();
  if (preheader !== '') score += preheader.length <= preheaderMax ? 30 : 15;
  if (preheader !== '' && preheader !== content.subject.trim()) score += 20;
  return score;
}

/** Search and inbox signals; social channels have none (null). */
export function seoScore(content: DraftContent): number | null {
  if (content.channel === 'web') return clampScore(webSeo(content));
  if (content.channel === 'email') return clampScore(emailSeo(content));
  return null;
}

const CTA_PHRASES =
  /\b(read more|learn more|read the|find out|try|join|sign up|register|download|update|reply|tell us|share|book|start)\b/i;

/** Parts a reader can act on: a link, a question or call to action, hashtags and emoji in bounds. */
export function engagementScore(content: DraftContent, text: string, tone: Tone): number {
  const emojiCap = tone.emojiCap[content.channel] ?? 0;
  const units =
    content.channel === 'email' || content.channel === 'web'
      ? paragraphsOf(text)
      : content.posts.map((post) => post.text);
  const emojiWithinCap = units.every((unit) => countEmoji(unit) <= emojiCap);
  const invites =
    text.includes('?') ||
    text.toLowerCase().includes(tone.callToAction.toLowerCase()) ||
    CTA_PHRASES.test(text);
  if (content.channel === 'email' || content.channel === 'web') {
    const hasLink = /<a\s[^>]*href="https?:/i.test(content.html);
    return clampScore((hasLink ? 40 : 0) + (invites ? 35 : 0) + (emojiWithinCap ? 25 : 0));
  }
  const hasLink = content.link !== null || /https?:\/\//.test(text);
  const cap = channels[content.channel].limits.hashtagCap;
  const hashtags = content.hashtags.length;
  const hashtagPoints = hashtags > cap ? 0 : hashtags === 0 ? 10 : 25;
  return clampScore(
    (hasLink ? 30 : 0) + (invites ? 25 : 0) + hashtagPoints + (emojiWithinCap ? 20 : 0),
  );
}
