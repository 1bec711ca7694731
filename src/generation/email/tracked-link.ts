/**
 * An item link as the newsletter sends it: only http(s) URLs (anything else yields null, so no
 * `javascript:` link can ever be made), with the UTM parameters analytics attribute visits by.
 */
export function trackedLink(link: string | null, campaignSlug: string): string | null {
  if (link === null) return null;
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.searchParams.set('utm_source', 'newsletter');
  url.searchParams.set('utm_medium', 'email');
  url.searchParams.set('utm_campaign', campaignSlug);
  return url.href;
}
