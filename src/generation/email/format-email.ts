import { channels } from '../channels.ts';
import type { DraftIssue, EmailContent, FormattedDraft } from '../draft.ts';
import { type BrandContext, type GenerationInput, leadItem } from '../generation-input.ts';
import { applyTone, tonePhrase } from '../tones/apply-tone.ts';
import { brandColorFields } from './brand-colors.ts';
import { compiledTemplate } from './compiled-templates.ts';
import { type EmailFrame, emailHtml } from './email-html.ts';
import { emailLayout, layoutItems } from './email-layout.ts';
import { emailText } from './email-text.ts';
import { emailPreheader, emailSubject, subjectIssues } from './subject.ts';

export { warmEmailTemplates } from './compiled-templates.ts';

/** A logo only over HTTPS: mixed content is blocked and other schemes are never safe. */
function logoUrl(brand: BrandContext): string | null {
  if (brand.logoUrl === null) return null;
  try {
    const url = new URL(brand.logoUrl);
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function sizeIssues(htmlBytes: number): DraftIssue[] {
  const max = channels.email.limits.htmlMaxBytes;
  if (htmlBytes <= max) return [];
  return [
    {
      severity: 'warning',
      code: 'html_too_large',
      field: 'html',
      message: `The HTML is ${Math.ceil(htmlBytes / 1024)} KB; Gmail clips messages above ${max / 1024} KB. Show fewer items per section.`,
    },
  ];
}

/**
 * GenerationInput → the email newsletter draft (PRODUCT.md §5.2): HTML and text parts from the
 * template compiled once per process, subject and preheader, and the email-specific issues.
 * Deterministic: the same input gives byte-identical output.
 */
export async function formatEmail(input: GenerationInput): Promise<FormattedDraft<EmailContent>> {
  const template = await compiledTemplate(input.template);
  const { tone, brand } = input;
  const layout = emailLayout(input);
  const ordered = layoutItems(layout);
  const lead = leadItem(input.items);
  const subject = lead === undefined ? brand.name : emailSubject(lead.title, brand, tone);
  const preheader = emailPreheader(
    ordered.filter((item) => item.key !== lead?.key).map((item) => item.title),
    tone,
  );
  const frame: EmailFrame = {
    subject,
    preheader,
    brandName: applyTone(brand.name, tone, 'email'),
    logoUrl: logoUrl(brand),
    greeting: applyTone(tonePhrase(tone.greeting, brand.name), tone, 'email'),
    closing: applyTone(tonePhrase(tone.closing, brand.name), tone, 'email'),
    disclaimers: tone.disclaimers.map((text) => applyTone(text, tone, 'email')),
    colors: brandColorFields(input.template, brand),
  };
  const html = emailHtml(template, layout, frame);
  const htmlBytes = Buffer.byteLength(html, 'utf8');
  const issues: DraftIssue[] = [...subjectIssues(subject), ...sizeIssues(htmlBytes)];
  if (input.items.length === 0)
    issues.push({
      severity: 'error',
      code: 'no_items',
      field: 'html',
      message: 'There are no publishable items for this email.',
    });
  return {
    content: {
      channel: 'email',
      template: input.template,
      subject,
      preheader,
      html,
      text: emailText(layout, frame),
      htmlBytes,
      itemKeys: ordered.map((item) => item.key),
    },
    issues,
  };
}
