import { slug } from '../../documents/slug.ts';

/** What a valid web slug looks like: lower-case ASCII words joined by single dashes. */
export const WEB_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `text` as a slug of at most `max` characters, cut at a dash so no word is halved. */
export function slugWithin(text: string, max: number): string {
  const full = slug(text);
  if (full.length <= max) return full;
  const window = full.slice(0, max + 1);
  const lastDash = window.lastIndexOf('-');
  return (lastDash > 0 ? window.slice(0, lastDash) : full.slice(0, max)).replace(/-+$/, '');
}

/** The post's URL slug (PRODUCT.md §5.1): campaign first, then the title; `post` if both are empty. */
export function webSlug(campaignSlug: string, title: string, max: number): string {
  return slugWithin(`${campaignSlug} ${title}`, max) || 'post';
}
