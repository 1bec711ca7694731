import type { DraftContent } from '../draft.ts';
import { htmlToText } from '../quality/plain-text-of.ts';

/** Paragraphs of a plain text (blank-line separated). */
function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).filter((paragraph) => paragraph.trim() !== '');
}

/**
 * Every human-readable text unit of a draft with the field it lives in, for checks that must name
 * the field at fault. Long-form parts come as paragraphs: tone caps hold per unit (a subject, a
 * post, a paragraph), so a newsletter of nine items may carry one `!` per paragraph.
 * `capped: false` marks units that repeat another (an email's HTML repeats its text part).
 */
export function draftTexts(
  content: DraftContent,
): Array<{ field: string; text: string; capped: boolean }> {
  const unit = (field: string, text: string, capped = true) => ({ field, text, capped });
  switch (content.channel) {
    case 'email':
      return [
        unit('subject', content.subject),
        unit('preheader', content.preheader),
        ...paragraphs(content.text).map((text) => unit('text', text)),
        unit('html', htmlToText(content.html), false),
      ];
    case 'web':
      return [
        unit('title', content.title),
        unit('seoTitle', content.seoTitle),
        unit('metaDescription', content.metaDescription),
        unit('excerpt', content.excerpt),
        ...paragraphs(htmlToText(content.html)).map((text) => unit('html', text)),
      ];
    default:
      return content.posts.map((post, index) => unit(`posts[${index}].text`, post.text));
  }
}
