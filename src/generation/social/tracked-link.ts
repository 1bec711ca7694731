import type { Item } from '../../documents/item.ts';
import type { SocialChannelId } from '../channels.ts';
import type { BrandContext } from '../generation-input.ts';

function httpUrl(link: string | null): URL | null {
  if (link === null) return null;
  try {
    const url = new URL(link.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * The link a social post carries, so analytics can attribute the visit: the item's own http(s)
 * link, else the brand's site, with `utm_source=<channel>&utm_medium=social&utm_campaign=<slug>`
 * (other parameters kept, any earlier `utm_*` replaced). Null when neither is a usable URL.
 */
export function trackedLink(
  item: Item,
  brand: BrandContext,
  channel: SocialChannelId,
  campaignSlug: string,
): string | null {
  const url = httpUrl(item.link) ?? httpUrl(brand.siteUrl);
  if (url === null) return null;
  const earlier = [...url.searchParams.keys()].filter((key) =>
    key.toLowerCase().startsWith('utm_'),
  );
  for (const key of earlier) url.searchParams.delete(key);
  url.searchParams.set('utm_source', channel);
  url.searchParams.set('utm_medium', 'social');
  url.searchParams.set('utm_campaign', campaignSlug);
  return url.href;
}
