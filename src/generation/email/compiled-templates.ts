import { type EmailTemplateId, emailTemplateIds } from '../generation-input.ts';
import { cutFragments, type FragmentTemplate } from './fragment-template.ts';
import { templateMjml } from './template-mjml.ts';
import { templateStyles } from './template-styles.ts';

const compiled = new Map<EmailTemplateId, Promise<FragmentTemplate>>();

/** Placeholders are not colours yet, so MJML's validator flags them; nothing else may fail. */
function realErrors(errors: ReadonlyArray<{ formattedMessage: string }>): string[] {
  return errors.map((error) => error.formattedMessage).filter((message) => !message.includes('%%'));
}

/**
 * Compiler output we do not want: a `Content-Type` http-equiv becomes `<meta charset>`, the
 * IE-only `X-UA-Compatible` goes, `height="auto"` (not a valid HTML value; the inline style
 * already says it) and self-closing `<img/>` are fixed, and indentation is dropped (it only costs
 * bytes toward Gmail's clipping limit).
 */
function tidy(html: string): string {
  return html
    .replace(/^<!doctype html>/i, '<!DOCTYPE html>')
    .replace(/(<img\b[^>]*?) height="auto"/g, '$1')
    .replace(/(<img\b[^>]*?)\s*\/>/g, '$1>')
    .replace(/<meta http-equiv="Content-Type"[^>]*>/, '<meta charset="utf-8">')
    .replace(
      /<!--\[if !mso\]><!-->\s*<meta http-equiv="X-UA-Compatible"[^>]*>\s*<!--<!\[endif\]-->/,
      '',
    )
    .replace(/\n\s+/g, '\n')
    .replace(/\n{2,}/g, '\n');
}

async function compile(template: EmailTemplateId): Promise<FragmentTemplate> {
  // mjml takes ~0.4 s to import; processes that never send email never pay for it.
  const { default: mjml2html } = await import('mjml');
  const result = await mjml2html(templateMjml(templateStyles[template]), {
    validationLevel: 'soft',
    keepComments: true,
    fonts: {},
  });
  const errors = realErrors(result.errors);
  if (errors.length > 0) throw new Error(`Email template ${template}: ${errors.join('; ')}`);
  return cutFragments(tidy(result.html));
}

/** One MJML compile per template and process, shared by every render that follows. */
export function compiledTemplate(template: EmailTemplateId): Promise<FragmentTemplate> {
  let promise = compiled.get(template);
  if (promise === undefined) {
    promise = compile(template);
    // A failed compile must not poison the cache for the next attempt.
    promise.catch(() => compiled.delete(template));
    compiled.set(template, promise);
  }
  return promise;
}

/** Compiles every template up front (server start), so the first send is as fast as the rest. */
export async function warmEmailTemplates(): Promise<void> {
  await Promise.all(emailTemplateIds.map(compiledTemplate));
}
