import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../documents/item.ts';
import { parseDocument } from '../../documents/parse-document.ts';
import type { GenerationInput } from '../generation-input.ts';
import { builtInTones } from '../tones/built-in-tones.ts';
import type { Tone } from '../tones/tone.ts';
import { formatWeb } from './format-web.ts';

const NOW = new Date('2026-11-25T12:00:00Z');

function fixtureItems(name: string): Item[] {
  const text = readFileSync(
    new URL(`../../../test/fixtures/living-docs/${name}`, import.meta.url),
    'utf8',
  );
  return parseDocument(text, { now: NOW }).items.filter((item) => item.published);
}

function tone(id: string): Tone {
  const found = builtInTones[id];
  if (found === undefined) throw new Error(`no tone ${id}`);
  return found;
}

function inputFor(items: Item[], toneId = 'professional'): GenerationInput {
  return {
    items,
    tone: tone(toneId),
    brand: {
      name: 'Stillwave',
      siteUrl: 'https://stillwave.example',
      senderName: 'Stillwave',
      primaryColor: '#1f4e79',
      accentColor: '#0f7b6c',
      logoUrl: 'https://stillwave.example/logo.png',
      hashtags: ['stillwave'],
      prohibitedPhrases: ['cure', 'guaranteed'],
    },
    template: 'modern',
    campaignSlug: 'weekly-2026-11-25',
    itemsPerSection: 3,
    footerSections: [],
    socialMode: 'lead',
  };
}

describe('formatWeb on stillwave-weekly.md', () => {
  const { content, issues } = formatWeb(inputFor(fixtureItems('stillwave-weekly.md')));

  it('builds a valid slug, SEO title and meta description', () => {
    expect(content.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(content.slug.length).toBeLessThanOrEqual(100);
    expect(content.slug.startsWith('weekly-2026-11-25-')).toBe(true);
    expect(content.seoTitle.length).toBeLessThanOrEqual(60);
    expect(content.title.length).toBeGreaterThanOrEqual(10);
    const meta = content.metaDescription.length;
    const warned = issues.some((found) => found.code === 'meta_description_too_short');
    expect(warned || (meta >= 120 && meta <= 160)).toBe(true);
    expect(meta).toBeLessThanOrEqual(160);
    expect(content.excerpt.length).toBeLessThanOrEqual(300);
    expect(issues.filter((found) => found.severity === 'error')).toEqual([]);
  });

  it('carries JSON-LD, Open Graph and a canonical URL', () => {
    expect(content.canonicalUrl).toBe(`https://stillwave.example/blog/${content.slug}`);
    expect(content.jsonLd['@type']).toBe('BlogPosting');
    expect(content.jsonLd['@context']).toBe('https://schema.org');
    expect(content.jsonLd.datePublished).toBe('2026-11-18');
    expect(content.jsonLd.url).toBe(content.canonicalUrl);
    expect(content.openGraph['og:type']).toBe('article');
    expect(content.openGraph['og:title']).toBe(content.title);
    expect(content.openGraph['og:description']).toBe(content.metaDescription);
    expect(content.openGraph['og:url']).toBe(content.canonicalUrl);
    expect(content.openGraph['og:image']).toBe('https://stillwave.example/logo.png');
  });

  it('is a digest with a TOC whose ids are unique slugs present in the HTML', () => {
    expect(content.itemKeys).toHaveLength(9);
    expect(content.toc.length).toBe(4 + 8);
    const ids = content.toc.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of content.toc) {
      expect(entry.id).toMatch(/^[a-z0-9-]+$/);
      expect(content.html).toContain(`<h${entry.level} id="${entry.id}">`);
    }
    expect(content.readingTimeMinutes).toBeGreaterThanOrEqual(1);
    expect(content.jsonLd.wordCount).toBeGreaterThan(200);
  });

  it('opens with the lead item, then renders sections in document order, then the closing', () => {
    expect(content.html.startsWith('<p>The pace coach now listens')).toBe(true);
    expect(content.html.match(/The pace coach now listens/g)).toHaveLength(1);
    const h2 = [...content.html.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((match) => match[1]);
    expect(h2).toEqual([
      'Recent Updates',
      'Device Progress',
      'Breathing Techniques',
      'Our Mission',
    ]);
    expect(content.html.trimEnd().endsWith('The Stillwave team</p>')).toBe(true);
  });

  it('differs between tones and is byte-identical when repeated', () => {
    const items = fixtureItems('stillwave-weekly.md');
    const professional = formatWeb(inputFor(items, 'professional'));
    const encouraging = formatWeb(inputFor(items, 'encouraging'));
    expect(encouraging.content.html).not.toBe(professional.content.html);
    expect(JSON.stringify(formatWeb(inputFor(items)))).toBe(JSON.stringify(professional));
  });
});

describe('formatWeb on hostile.md', () => {
  // Featuring the Unicode item makes it the lead, so the script-laden title becomes an h3.
  const items = fixtureItems('hostile.md').map((item) =>
    item.key === 'app/emoji-and-unicode-naive-cafe' ? { ...item, featured: true } : item,
  );
  const { content } = formatWeb(inputFor(items));
  const document = new JSDOM(`<!doctype html><body>${content.html}</body>`).window.document;

  it('emits no script, event handler or javascript: URL', () => {
    expect(document.querySelectorAll('script')).toHaveLength(0);
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        expect(attribute.name.toLowerCase().startsWith('on')).toBe(false);
        if (attribute.name === 'href' || attribute.name === 'src')
          expect(attribute.value.trim().toLowerCase().startsWith('javascript:')).toBe(false);
      }
    }
    expect(content.html).not.toMatch(/<script/i);
  });

  it('keeps the hostile title as text and non-ASCII text intact', () => {
    const headings = [...document.querySelectorAll('h3')].map((heading) => heading.textContent);
    expect(headings).toContain("Script Injection <script>alert('title')</script>");
    expect(document.body.textContent).toContain('accents like é and ñ');
    expect(document.body.textContent).toContain('مرحبا بالعالم');
    expect(content.title).toBe('Emoji and Unicode — naïve café');
    expect(content.slug).toBe('weekly-2026-11-25-emoji-and-unicode-naive-cafe');
  });

  it('keeps a hostile lead title as plain text and out of the HTML', () => {
    const lead = formatWeb(inputFor(fixtureItems('hostile.md'))).content;
    expect(lead.title).toBe("Script Injection <script>alert('title')</script>");
    expect(lead.html).not.toMatch(/<script|onerror|javascript:/i);
    expect(lead.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe('formatWeb edge cases', () => {
  it('turns a single item into its article with a CTA link and no TOC', () => {
    const items = fixtureItems('stillwave-flags.md').filter((item) => item.type === 'announcement');
    const { content } = formatWeb(inputFor(items));
    expect(content.itemKeys).toEqual(['announcements/stillwave-3-0-is-here']);
    expect(content.html).not.toMatch(/<h[23]/);
    expect(content.html).toContain(
      '<a href="https://stillwave.example/releases/3-0" rel="noopener noreferrer">Update now</a>',
    );
    expect(content.toc).toEqual([]);
  });

  it('lower-cases and de-duplicates tags', () => {
    const items = fixtureItems('stillwave-flags.md');
    const first = items[0];
    if (first === undefined) throw new Error('fixture has no items');
    const { content } = formatWeb(
      inputFor([{ ...first, tags: ['Research', 'calm'] }, ...items.slice(1)]),
    );
    expect(content.tags).toEqual(['research', 'calm', 'resonance', 'heart rate variability']);
  });

  it('appends the medical disclaimer and pads a short title with the brand', () => {
    const items = fixtureItems('stillwave-weekly.md').slice(0, 1);
    const short = items.map((item) => ({ ...item, title: 'Pace' }));
    const { content, issues } = formatWeb(inputFor(short, 'medical_scientific'));
    expect(content.title).toBe('Pace — Stillwave');
    expect(content.html).toContain('not medical advice');
    expect(issues.some((found) => found.code === 'title_too_short')).toBe(false);
  });

  it('drops the canonical URL without a site URL', () => {
    const input = inputFor(fixtureItems('stillwave-weekly.md'));
    const { content } = formatWeb({
      ...input,
      brand: { ...input.brand, siteUrl: null, logoUrl: null },
    });
    expect(content.canonicalUrl).toBeNull();
    expect(content.openGraph['og:url']).toBeUndefined();
    expect(content.openGraph['og:image']).toBeUndefined();
    expect(content.jsonLd.url).toBeUndefined();
  });

  it('cuts a long SEO title at a word and warns about a short meta description', () => {
    const first = fixtureItems('stillwave-weekly.md')[0];
    if (first === undefined) throw new Error('fixture has no items');
    const item = {
      ...first,
      title: 'How the adaptive pace coach learns your breathing rhythm over the first week of use',
      body: 'Short body.',
    };
    const { content, issues } = formatWeb(inputFor([item]));
    expect(content.seoTitle).toBe('How the adaptive pace coach learns your breathing rhythm');
    expect(issues.map((found) => [found.severity, found.code])).toEqual([
      ['info', 'seo_title_truncated'],
      ['warning', 'meta_description_too_short'],
    ]);
  });

  it('uses the blog SEO description and reports a title too short to pad', () => {
    const first = fixtureItems('stillwave-weekly.md')[0];
    if (first === undefined) throw new Error('fixture has no items');
    const seoDescription = `${'Calm breathing, explained. '.repeat(8)}`;
    const item = { ...first, title: 'Pace', fields: { seoDescription } };
    const input = inputFor([item]);
    const { content, issues } = formatWeb({ ...input, brand: { ...input.brand, name: '' } });
    expect(content.metaDescription.startsWith('Calm breathing, explained. Calm')).toBe(true);
    expect(content.metaDescription.length).toBeLessThanOrEqual(160);
    expect(issues.map((found) => found.code)).toEqual(['title_too_short']);
  });

  it('reports no_items for an empty input', () => {
    const { issues } = formatWeb(inputFor([]));
    expect(issues.map((found) => found.code)).toEqual(['no_items']);
  });
});
