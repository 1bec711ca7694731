import { HtmlValidate } from 'html-validate';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { emailTemplateIds } from '../generation-input.ts';
import { escapeHtml } from '../markdown/render-markdown.ts';
import { countEmoji } from '../tones/apply-tone.ts';
import { validateDraft } from '../validation/validate-draft.ts';
import { fixtureInput, tone } from './email-test-input.ts';
import { formatEmail } from './format-email.ts';

/**
 * html-validate for email HTML: the recommended and document presets, minus the rules that
 * forbid what every email client still needs.
 */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    // Outlook for Windows renders with Word: `<!--[if mso]>` ghost tables are the only way to
    // give it fixed-width columns.
    'no-conditional-comment': 'off',
    // Gmail (non-Google accounts), Outlook and many webmails drop or ignore `<style>`; inline
    // styles are the only styling that reaches every client.
    'no-inline-style': 'off',
    // `align`, `width`, `cellpadding`, `cellspacing` and `bgcolor` on tables are the layout
    // Outlook's Word engine honours; CSS alone collapses there.
    'no-deprecated-attr': 'off',
    // Email clients and older screen readers know `role="presentation"`; `role="none"` is the
    // same role with thinner support.
    'presentation-role-style': 'off',
    // MJML's `<div role="article" aria-roledescription="email">` is the accessible email wrapper:
    // webmail strips or restyles a real `<article>`.
    'prefer-native-element': 'off',
  },
});

/** html-validate messages for an email, as `rule: message` lines (empty = valid). */
async function emailHtmlProblems(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((result) =>
    result.messages.map((message) => `${message.ruleId}: ${message.message}`),
  );
}

/** Accessibility rules the templates promise, checked on the parsed DOM (empty = fine). */
function accessibilityProblems(html: string): string[] {
  const { document } = new JSDOM(html).window;
  const problems: string[] = [];
  if (!document.documentElement.getAttribute('lang')) problems.push('html has no lang');
  for (const img of document.querySelectorAll('img'))
    if (!img.hasAttribute('alt')) problems.push(`img without alt: ${img.outerHTML}`);
  const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) =>
    Number(heading.tagName.slice(1)),
  );
  if (levels.filter((level) => level === 1).length !== 1) problems.push('not exactly one h1');
  if (levels[0] !== 1) problems.push('the first heading is not the h1');
  levels.forEach((level, index) => {
    const previous = levels[index - 1] ?? 0;
    if (level > previous + 1) problems.push(`heading skips from h${previous} to h${level}`);
  });
  return problems;
}

describe.each(emailTemplateIds)('formatEmail, %s template, stillwave-weekly.md', (template) => {
  const input = fixtureInput('stillwave-weekly.md', { template });

  it('shows every item of the first sections, a text part and the footer links', async () => {
    const { content, issues } = await formatEmail(input);
    for (const item of input.items.filter((item) => ['app', 'hardware'].includes(item.section))) {
      expect(content.html).toContain(escapeHtml(item.title));
      expect(content.text).toContain(item.title);
    }
    expect(content.html).toContain('href="{{unsubscribe_url}}"');
    expect(content.html).toContain('href="{{preferences_url}}"');
    expect(content.html).toContain('href="{{view_in_browser_url}}"');
    expect(content.text).toContain('Unsubscribe: {{unsubscribe_url}}');
    expect(content.html).toContain('Hello {{first_name|there}},');
    expect(content.text).toContain('Hello {{first_name|there}},');
    expect(content.htmlBytes).toBe(Buffer.byteLength(content.html, 'utf8'));
    expect(content.template).toBe(template);
    expect(issues).toEqual([]);
  });

  it('is valid HTML for email', async () => {
    const { content } = await formatEmail(input);
    expect(await emailHtmlProblems(content.html)).toEqual([]);
  });

  it('is accessible: lang, alt on every image, one h1, no skipped heading level', async () => {
    const { content } = await formatEmail(input);
    expect(accessibilityProblems(content.html)).toEqual([]);
    const { document } = new JSDOM(content.html).window;
    expect(document.querySelector('h1')?.textContent).toBe('Stillwave');
  });

  it('is dark-mode friendly and responsive', async () => {
    const { content } = await formatEmail(input);
    expect(content.html).toMatch(/^<!DOCTYPE html>\n<html lang="en"/);
    expect(content.html).toContain('<meta charset="utf-8">');
    expect(content.html).toContain('<meta name="viewport"');
    expect(content.html).toContain('<meta name="color-scheme" content="light dark">');
    expect(content.html).toContain('@media (prefers-color-scheme: dark)');
  });

  it('renders byte-identical output twice', async () => {
    const first = await formatEmail(input);
    const second = await formatEmail(input);
    expect(second).toEqual(first);
    expect(second.content.html).toBe(first.content.html);
  });
});

describe('formatEmail layout', () => {
  it('puts the lead item first, caps items per section and renders footer sections last', async () => {
    const input = fixtureInput('stillwave-weekly.md', { itemsPerSection: 2 });
    const { content } = await formatEmail(input);
    expect(content.itemKeys).toEqual([
      'app/adaptive-pace-coach',
      'app/offline-sessions',
      'app/calmer-notifications',
      'hardware/sensor-band-rev-c',
      'hardware/charging-dock-approved',
      'tips/reset-in-four-counts',
      'tips/longer-out-breaths-for-better-sleep',
      'vision/why-we-build-stillwave',
    ]);
    const headings = [...new JSDOM(content.html).window.document.querySelectorAll('h2')].map(
      (heading) => heading.textContent,
    );
    expect(headings).toEqual([
      'Featured',
      'Recent Updates',
      'Device Progress',
      'Breathing Techniques',
      'Our Mission',
    ]);
    expect(content.html).not.toContain('Find Your Resonant Rate');
  });

  it('features featured items and links them with UTM parameters and their own call to action', async () => {
    const { content } = await formatEmail(
      fixtureInput('stillwave-flags.md', { template: 'brand' }),
    );
    expect(content.itemKeys[0]).toBe('announcements/stillwave-3-0-is-here');
    expect(content.subject).toBe('Stillwave 3.0 Is Here');
    const url =
      'https://stillwave.example/releases/3-0?utm_source=newsletter&utm_medium=email&utm_campaign=weekly-2026-11-25';
    expect(content.html).toContain(`href="${escapeHtml(url)}"`);
    expect(content.text).toContain(`Update now: ${url}`);
  });

  it('uses the brand colours and logo in the brand template only', async () => {
    const brand = await formatEmail(fixtureInput('stillwave-flags.md', { template: 'brand' }));
    const modern = await formatEmail(fixtureInput('stillwave-flags.md', { template: 'modern' }));
    expect(brand.content.html).toContain('background-color:#0f766e');
    expect(brand.content.html).toContain('bgcolor="#f59e0b"');
    expect(brand.content.html).toContain(
      'alt="Stillwave" src="https://stillwave.example/logo.png"',
    );
    expect(modern.content.html).not.toContain('#0f766e');
  });

  it('never puts an unsafe brand colour into CSS', async () => {
    const input = fixtureInput('stillwave-weekly.md', { template: 'brand' });
    input.brand.primaryColor = 'red;}</style><script>alert(1)</script>';
    const { content } = await formatEmail(input);
    expect(content.html).not.toContain('<script>');
    expect(content.html).toContain('background-color:#1f3a5f');
  });

  it('warns when the HTML would be clipped by Gmail', async () => {
    const input = fixtureInput('stillwave-weekly.md', { itemsPerSection: 1000 });
    const [first] = input.items;
    if (first === undefined) throw new Error('fixture has items');
    input.items = Array.from({ length: 120 }, (_, index) => ({
      ...first,
      key: `app/long-${index}`,
      title: `Long item ${index}`,
      body: 'Slow breathing helps. '.repeat(40),
    }));
    const { content, issues } = await formatEmail(input);
    expect(content.htmlBytes).toBeGreaterThan(102 * 1024);
    expect(issues).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'html_too_large', field: 'html' }),
    );
  });

  it('reports no_items for an empty email and still renders a valid document', async () => {
    const { content, issues } = await formatEmail(
      fixtureInput('stillwave-weekly.md', { items: [] }),
    );
    expect(issues.map((issue) => issue.code)).toContain('no_items');
    expect(content.itemKeys).toEqual([]);
    expect(await emailHtmlProblems(content.html)).toEqual([]);
  });
});

describe('formatEmail with hostile.md', () => {
  it.each(emailTemplateIds)(
    '%s: no script, no handler, no javascript: URL; Unicode intact',
    async (template) => {
      const { content } = await formatEmail(fixtureInput('hostile.md', { template }));
      const { document } = new JSDOM(content.html).window;
      expect(document.querySelectorAll('script')).toHaveLength(0);
      for (const element of document.querySelectorAll('*'))
        for (const attribute of element.attributes) {
          expect(attribute.name.toLowerCase().startsWith('on')).toBe(false);
          if (['href', 'src'].includes(attribute.name.toLowerCase()))
            expect(attribute.value.replace(/\s/g, '').toLowerCase()).not.toMatch(/^javascript:/);
        }
      expect(document.body.textContent).toContain('naïve café');
      expect(document.body.textContent).toContain('مرحبا بالعالم');
      expect(content.text).toContain('مرحبا بالعالم');
      expect(accessibilityProblems(content.html)).toEqual([]);
      expect(await emailHtmlProblems(content.html)).toEqual([]);
    },
  );
});

describe('formatEmail tones', () => {
  it('differs between professional and encouraging', async () => {
    const professional = await formatEmail(fixtureInput('stillwave-weekly.md'));
    const encouraging = await formatEmail(
      fixtureInput('stillwave-weekly.md', { tone: tone('encouraging') }),
    );
    expect(encouraging.content.html).not.toBe(professional.content.html);
    expect(encouraging.content.text).not.toBe(professional.content.text);
    expect(encouraging.content.text).toContain('Hi {{first_name|there}}!');
  });

  it.each(['professional', 'encouraging', 'medical_scientific'])(
    '%s keeps its emoji and exclamation caps',
    async (toneId) => {
      const input = fixtureInput('hostile.md', { tone: tone(toneId) });
      const [first, ...rest] = input.items;
      if (first === undefined) throw new Error('fixture has items');
      input.items = [
        { ...first, title: 'Big news!!! 🎉🎉 The coach is here!', body: 'Wow!! 🎉 So good! 🚀✨' },
        ...rest,
      ];
      const { content } = await formatEmail(input);
      const caps = input.tone;
      const emailEmoji = caps.emojiCap.email ?? 0;
      expect(countEmoji(content.subject)).toBeLessThanOrEqual(emailEmoji);
      expect(content.subject.split('!').length - 1).toBeLessThanOrEqual(caps.exclamationCap);
      for (const paragraph of content.text.split('\n\n')) {
        expect(countEmoji(paragraph)).toBeLessThanOrEqual(emailEmoji);
        expect(paragraph.split('!').length - 1).toBeLessThanOrEqual(caps.exclamationCap);
      }
      const toneIssues = validateDraft('email', content, {
        tone: input.tone,
        prohibitedPhrases: [],
      }).filter((issue) => issue.code.startsWith('tone_'));
      expect(toneIssues).toEqual([]);
    },
  );

  it('carries the medical disclaimer in both parts', async () => {
    const medical = tone('medical_scientific');
    const { content } = await formatEmail(fixtureInput('stillwave-weekly.md', { tone: medical }));
    const disclaimer = medical.disclaimers[0] ?? '';
    expect(disclaimer).toContain('not medical advice');
    expect(content.html).toContain(escapeHtml(disclaimer));
    expect(content.text).toContain(disclaimer);
    expect(content.html).toContain('Dear {{first_name|reader}},');
  });
});
