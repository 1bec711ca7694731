import { mergeTags } from '../generation-input.ts';
import { markdownToText } from '../markdown/render-markdown.ts';
import type { EmailFrame } from './email-html.ts';
import type { EmailItemView, EmailLayout, EmailSectionView } from './email-layout.ts';

function underline(heading: string, mark: '=' | '-'): string {
  return `${heading}\n${mark.repeat(Math.min([...heading].length, 60))}`;
}

/** Title and date, body, link: blank lines between, so each paragraph is one tone unit. */
function itemText(item: EmailItemView): string[] {
  return [
    item.date === null ? item.title : `${item.title}\n${item.date}`,
    markdownToText(item.body),
    ...(item.cta === null ? [] : [`${item.cta.label}: ${item.cta.url}`]),
  ].filter((paragraph) => paragraph !== '');
}

function sectionText(section: EmailSectionView): string[] {
  return [underline(section.heading, '-'), ...section.items.flatMap(itemText)];
}

/**
 * The text/plain part: the same blocks in the same order as the HTML, links as `label: url`,
 * and the unsubscribe line every bulk email must carry.
 */
export function emailText(layout: EmailLayout, frame: EmailFrame): string {
  const paragraphs = [
    underline(frame.brandName, '='),
    frame.greeting,
    ...(layout.featured.length === 0
      ? []
      : [underline('Featured', '-'), ...layout.featured.flatMap(itemText)]),
    ...layout.sections.flatMap(sectionText),
    ...layout.footerSections.flatMap(sectionText),
    frame.closing,
    ...frame.disclaimers,
    [
      `View in browser: ${mergeTags.viewInBrowserUrl}`,
      `Manage preferences: ${mergeTags.preferencesUrl}`,
      `Unsubscribe: ${mergeTags.unsubscribeUrl}`,
    ].join('\n'),
  ];
  return `${paragraphs.filter((paragraph) => paragraph.trim() !== '').join('\n\n')}\n`;
}
