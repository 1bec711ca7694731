import type { Item } from '../../documents/item.ts';
import { type GenerationInput, leadItem } from '../generation-input.ts';
import { applyTone } from '../tones/apply-tone.ts';
import { toneMarkdown } from './tone-markdown.ts';
import { trackedLink } from './tracked-link.ts';

/** One item as the email shows it; every text already toned. */
export interface EmailItemView {
  key: string;
  title: string;
  date: string | null;
  /** Markdown, toned, not yet rendered. */
  body: string;
  cta: { label: string; url: string } | null;
}

export interface EmailSectionView {
  heading: string;
  items: EmailItemView[];
}

/** What goes where, shared by the HTML and the text part so both tell the same story. */
export interface EmailLayout {
  featured: EmailItemView[];
  sections: EmailSectionView[];
  footerSections: EmailSectionView[];
}

/** `2026-11-18`, or date and minute (UTC) for an instant. */
function displayDate(date: string | null): string | null {
  if (date === null) return null;
  const instant = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(date);
  return instant === null ? date : `${instant[1]} ${instant[2]} UTC`;
}

function itemView(item: Item, input: GenerationInput): EmailItemView {
  const url = trackedLink(item.link, input.campaignSlug);
  const label = item.callToAction ?? input.tone.callToAction;
  return {
    key: item.key,
    title: applyTone(item.title, input.tone, 'email'),
    date: displayDate(item.date),
    body: toneMarkdown(item.body, input.tone, 'email'),
    cta: url === null ? null : { label: applyTone(label, input.tone, 'email'), url },
  };
}

/** Featured items (or, when none is, the lead item) open the email. */
function featuredItems(items: readonly Item[]): Item[] {
  const featured = items.filter((item) => item.featured);
  if (featured.length > 0) return featured;
  const lead = leadItem(items);
  return lead === undefined ? [] : [lead];
}

/**
 * PRODUCT.md §5.2: featured items first, then sections in document order with at most
 * `itemsPerSection` items each, footer sections last.
 */
export function emailLayout(input: GenerationInput): EmailLayout {
  const featured = featuredItems(input.items);
  const shown = new Set(featured);
  // Map keeps insertion order: sections come in the order the document introduces them.
  const bySection = new Map<string, { heading: string; items: Item[] }>();
  for (const item of input.items) {
    if (shown.has(item)) continue;
    const entry = bySection.get(item.section) ?? {
      heading: item.sectionHeading ?? item.section,
      items: [],
    };
    entry.items.push(item);
    bySection.set(item.section, entry);
  }
  const sections: EmailSectionView[] = [];
  const footerSections: EmailSectionView[] = [];
  for (const [section, { heading, items }] of bySection) {
    const view = {
      heading: applyTone(heading, input.tone, 'email'),
      items: items.slice(0, input.itemsPerSection).map((item) => itemView(item, input)),
    };
    if (view.items.length === 0) continue;
    (input.footerSections.includes(section) ? footerSections : sections).push(view);
  }
  return { featured: featured.map((item) => itemView(item, input)), sections, footerSections };
}

/** Items in the order a reader meets them. */
export function layoutItems(layout: EmailLayout): EmailItemView[] {
  return [
    ...layout.featured,
    ...layout.sections.flatMap((section) => section.items),
    ...layout.footerSections.flatMap((section) => section.items),
  ];
}
