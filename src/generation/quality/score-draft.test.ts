import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../documents/parse-document.ts';
import type { DraftIssue, EmailContent, QualityScore, SocialContent } from '../draft.ts';
import type { GenerationInput } from '../generation-input.ts';
import { builtInTones } from '../tones/built-in-tones.ts';
import type { Tone } from '../tones/tone.ts';
import { formatWeb } from '../web/format-web.ts';
import { plainTextOf } from './plain-text-of.ts';
import { scoreDraft } from './score-draft.ts';

function tone(id: string): Tone {
  const found = builtInTones[id];
  if (found === undefined) throw new Error(`no tone ${id}`);
  return found;
}
const professional = tone('professional');

function webDraft() {
  const text = readFileSync(
    new URL('../../../test/fixtures/living-docs/stillwave-weekly.md', import.meta.url),
    'utf8',
  );
  const input: GenerationInput = {
    items: parseDocument(text, { now: new Date('2026-11-25T12:00:00Z') }).items,
    tone: professional,
    brand: {
      name: 'Stillwave',
      siteUrl: 'https://stillwave.example',
      senderName: 'Stillwave',
      primaryColor: '#1f4e79',
      accentColor: '#0f7b6c',
      logoUrl: null,
      hashtags: [],
      prohibitedPhrases: ['cure'],
    },
    template: 'modern',
    campaignSlug: 'weekly',
    itemsPerSection: 3,
    footerSections: [],
    socialMode: 'lead',
  };
  return formatWeb(input);
}

const email: EmailContent = {
  channel: 'email',
  template: 'plain',
  subject: 'Adaptive Pace Coach and more from Stillwave',
  preheader: 'Offline sessions, calmer notifications and a new sensor band.',
  html: '<html><body><h1>Adaptive Pace Coach</h1><p>The coach adapts to you.</p><p><a href="https://stillwave.example/a">Read the full update</a></p></body></html>',
  text: 'Hello {{first_name|there}},\n\nThe coach adapts to you. It slows down when you do.\n\nRead the full update: https://stillwave.example/a',
  htmlBytes: 200,
  itemKeys: ['app/adaptive-pace-coach'],
};

const social: SocialContent = {
  channel: 'x',
  posts: [
    { text: 'The pace coach now adapts to your breathing. Try it today? #breathing', length: 70 },
  ],
  link: 'https://stillwave.example/a?utm_source=x',
  hashtags: ['breathing'],
  itemKeys: ['app/adaptive-pace-coach'],
};

function expectInRange(score: QualityScore) {
  for (const value of [
    score.overall,
    score.readability,
    score.structure,
    score.engagement,
    score.brandCompliance,
  ]) {
    expect(Number.isInteger(value)).toBe(true);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(100);
  }
  if (score.seo !== null) expect(score.seo).toBeGreaterThanOrEqual(0);
  if (score.seo !== null) expect(score.seo).toBeLessThanOrEqual(100);
}

describe('scoreDraft', () => {
  it('keeps every sub-score within 0–100 for each kind of draft', () => {
    const web = webDraft();
    const webScore = scoreDraft(web.content, web.issues, { tone: professional });
    expectInRange(webScore);
    expect(webScore.seo).not.toBeNull();
    expectInRange(scoreDraft(email, [], { tone: professional }));
    const socialScore = scoreDraft(social, [], { tone: professional });
    expectInRange(socialScore);
    expect(socialScore.seo).toBeNull();
  });

  it('caps overall at 49 when an issue is an error', () => {
    const clean = scoreDraft(email, [], { tone: professional });
    expect(clean.overall).toBeGreaterThan(49);
    const error: DraftIssue = {
      severity: 'error',
      code: 'subject_too_long',
      field: 'subject',
      message: 'Too long.',
    };
    expect(scoreDraft(email, [error], { tone: professional }).overall).toBeLessThanOrEqual(49);
  });

  it('takes 40 per prohibited phrase and 10 per tone warning off brand compliance', () => {
    const issues: DraftIssue[] = [
      { severity: 'error', code: 'prohibited_phrase', field: 'text', message: 'cure' },
      { severity: 'warning', code: 'tone_emoji_cap', field: 'text', message: 'emoji' },
      { severity: 'warning', code: 'subject_too_long', field: 'subject', message: 'long' },
    ];
    expect(scoreDraft(email, issues, { tone: professional }).brandCompliance).toBe(50);
    const many = Array.from({ length: 4 }, () => issues[0]).filter((found) => found !== undefined);
    expect(scoreDraft(email, many, { tone: professional }).brandCompliance).toBe(0);
  });

  it('penalises sentences far from the tone target', () => {
    // Two sentences of 14 words: the encouraging target exactly, far below the medical 22.
    const sentence = 'We walk to the park each day and we sit by the lake for rest.';
    const fourteen = { ...email, text: `${sentence} ${sentence}` };
    const medical = scoreDraft(fourteen, [], { tone: tone('medical_scientific') });
    const encouraging = scoreDraft(fourteen, [], { tone: tone('encouraging') });
    expect(medical.readability).toBeLessThan(encouraging.readability);
  });

  it('is deterministic', () => {
    const web = webDraft();
    const first = scoreDraft(web.content, web.issues, { tone: professional });
    expect(scoreDraft(web.content, web.issues, { tone: professional })).toEqual(first);
  });
});

describe('plainTextOf', () => {
  it('strips tags and decodes entities of web HTML', () => {
    const web = {
      ...webDraft().content,
      html: '<h2 id="a">Tom &amp; Jerry</h2><p>5 &lt; 6 &#8212; &#x2713;</p>',
    };
    expect(plainTextOf(web)).toBe('Tom & Jerry\n\n5 < 6 — ✓');
  });

  it('uses the email text part and joins social posts', () => {
    expect(plainTextOf(email)).toBe(email.text);
    const thread = {
      ...social,
      posts: [
        { text: 'One', length: 3 },
        { text: 'Two', length: 3 },
      ],
    };
    expect(plainTextOf(thread)).toBe('One\n\nTwo');
  });
});
