/*
 * Quality score (PRODUCT.md §5.6), every sub-score an integer 0–100:
 * - readability = min(max(Flesch, 0), 70) / 70 · 100, minus up to 40 when the average sentence is
 *   more than 25 % away from the tone's `sentenceLengthTarget` (80 points per unit of relative gap).
 * - structure: email/web start at 100, minus 30 for fewer than 2 paragraphs, 15 for a paragraph over
 *   150 words, 20 for no heading above 300 words, 20 under 80 words, 15 over 2,500 words; social
 *   starts at 100, minus 50 when a post is over the platform limit, 10 per post past a 3-post
 *   thread, 20 for a post over 60 words without a line break.
 * - seo: web 15 title 10–200, 15 SEO title 30–60 (8 if shorter), 20 meta 120–160 (8 if shorter),
 *   15 valid slug, 10 tags, 10 canonical, 5 JSON-LD BlogPosting, 5 OG title+description, 5 excerpt;
 *   email 50 subject 30–60 (25 within 10–100), 30 preheader ≤ 150 (15 if longer), 20 preheader
 *   differs from subject; social null.
 * - engagement: email/web 40 link, 35 question or CTA phrase, 25 emoji within the tone's cap per
 *   paragraph; social 30 link, 25 question or CTA, 25 hashtags within cap (10 with none), 20 emoji
 *   within cap per post.
 * - brandCompliance = 100 − 40 per `prohibited_phrase` error − 10 per `tone_*` warning, floor 0.
 * - overall = weighted mean: readability 0.25, structure 0.20, seo 0.20, engagement 0.15,
 *   brandCompliance 0.20 (seo's weight is left out when seo is null); any error issue caps it at 49.
 */
import type { DraftContent, DraftIssue, QualityScore } from '../draft.ts';
import type { Tone } from '../tones/tone.ts';
import { fleschOfStats, textStats } from './flesch.ts';
import { plainTextOf } from './plain-text-of.ts';
import {
  clampScore,
  engagementScore,
  readabilityScore,
  seoScore,
  structureScore,
} from './sub-scores.ts';

const WEIGHTS = {
  readability: 0.25,
  structure: 0.2,
  seo: 0.2,
  engagement: 0.15,
  brandCompliance: 0.2,
};
/** Highest overall score a draft with an error can get: it cannot be approved as it is. */
const ERROR_CAP = 49;

function brandComplianceScore(issues: readonly DraftIssue[]): number {
  let score = 100;
  for (const found of issues) {
    if (found.severity === 'error' && found.code === 'prohibited_phrase') score -= 40;
    if (found.severity === 'warning' && found.code.startsWith('tone_')) score -= 10;
  }
  return clampScore(score);
}

/** One comparable number per draft (plus its parts) so editors see what to fix first; deterministic. */
export function scoreDraft(
  content: DraftContent,
  issues: DraftIssue[],
  context: { tone: Tone },
): QualityScore {
  const text = plainTextOf(content);
  const stats = textStats(text);
  const flesch = fleschOfStats(stats);
  const readability = readabilityScore(flesch, stats, context.tone);
  const structure = structureScore(content, text);
  const seo = seoScore(content);
  const engagement = engagementScore(content, text, context.tone);
  const brandCompliance = brandComplianceScore(issues);
  const parts: Array<[number, number]> = [
    [readability, WEIGHTS.readability],
    [structure, WEIGHTS.structure],
    [engagement, WEIGHTS.engagement],
    [brandCompliance, WEIGHTS.brandCompliance],
  ];
  if (seo !== null) parts.push([seo, WEIGHTS.seo]);
  const weightSum = parts.reduce((sum, [, weight]) => sum + weight, 0);
  const mean = parts.reduce((sum, [score, weight]) => sum + score * weight, 0) / weightSum;
  const hasError = issues.some((found) => found.severity === 'error');
  const overall = Math.min(clampScore(mean), hasError ? ERROR_CAP : 100);
  return {
    overall,
    readability,
    structure,
    seo,
    engagement,
    brandCompliance,
    fleschReadingEase: flesch,
  };
}
