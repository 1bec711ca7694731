import { describe, expect, it } from 'vitest';
import { fixtureItems, socialInput } from './social-test-input.ts';
import { trackedLink } from './tracked-link.ts';

const [item] = fixtureItems('stillwave-weekly.md');
if (item === undefined) throw new Error('fixture has no items');
const { brand } = socialInput([item]);

describe('trackedLink', () => {
  it('adds the UTM parameters to the item link, keeping its own parameters', () => {
    const link = trackedLink(
      { ...item, link: 'https://stillwave.com/coach?ref=app#top' },
      brand,
      'x',
      'weekly',
    );
    const url = new URL(link ?? '');
    expect(url.origin + url.pathname).toBe('https://stillwave.com/coach');
    expect(url.searchParams.get('ref')).toBe('app');
    expect(url.searchParams.get('utm_source')).toBe('x');
    expect(url.searchParams.get('utm_medium')).toBe('social');
    expect(url.searchParams.get('utm_campaign')).toBe('weekly');
    expect(url.hash).toBe('#top');
  });

  it('replaces earlier utm_* parameters', () => {
    const link = trackedLink(
      { ...item, link: 'https://stillwave.com/?utm_source=old&UTM_CONTENT=a&utm_medium=email' },
      brand,
      'bluesky',
      'weekly',
    );
    const url = new URL(link ?? '');
    expect([...url.searchParams.keys()]).toEqual(['utm_source', 'utm_medium', 'utm_campaign']);
    expect(url.searchParams.get('utm_source')).toBe('bluesky');
  });

  it('falls back to the brand site for missing or non-http links', () => {
    for (const link of [null, 'javascript:alert(1)', 'not a url', 'ftp://stillwave.com/file'])
      expect(trackedLink({ ...item, link }, brand, 'mastodon', 'weekly')).toBe(
        'https://stillwave.example/?utm_source=mastodon&utm_medium=social&utm_campaign=weekly',
      );
  });

  it('is null when neither the item nor the brand has a usable URL', () => {
    expect(
      trackedLink({ ...item, link: null }, { ...brand, siteUrl: null }, 'x', 'weekly'),
    ).toBeNull();
    expect(
      trackedLink({ ...item, link: 'data:text/html,hi' }, { ...brand, siteUrl: null }, 'x', 'w'),
    ).toBeNull();
  });
});
