import { channels } from '../channels.ts';
import type { DraftIssue } from '../draft.ts';
import { WEB_SLUG } from './web-slug.ts';

const limits = channels.web.limits;

function issue(
  severity: DraftIssue['severity'],
  code: string,
  field: string,
  message: string,
): DraftIssue {
  return { severity, code, field, message };
}

/** The one issue of a web post without items: nothing can be published. */
export function noItemsIssue(): DraftIssue {
  return issue('error', 'no_items', 'itemKeys', 'No item is meant for the web post.');
}

/**
 * Web limits the formatter could not meet (PRODUCT.md §5.1, §5.6): title length and slug shape
 * block publishing; a short meta description is a warning, a cut SEO title is worth knowing.
 */
export function webIssues(post: {
  title: string;
  slug: string;
  metaDescription: string;
  seoTitleTruncated: boolean;
}): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const { title, slug, metaDescription } = post;
  if (title.length < limits.titleMin)
    issues.push(
      issue(
        'error',
        'title_too_short',
        'title',
        `The title has ${title.length} characters; web posts need at least ${limits.titleMin}.`,
      ),
    );
  if (title.length > limits.titleMax)
    issues.push(
      issue(
        'error',
        'title_too_long',
        'title',
        `The title has ${title.length} characters; web posts allow ${limits.titleMax}.`,
      ),
    );
  if (post.seoTitleTruncated)
    issues.push(
      issue(
        'info',
        'seo_title_truncated',
        'seoTitle',
        `The SEO title was cut at a word to ${limits.seoTitleMax} characters.`,
      ),
    );
  if (metaDescription.length < limits.metaDescriptionMin)
    issues.push(
      issue(
        'warning',
        'meta_description_too_short',
        'metaDescription',
        `The meta description has ${metaDescription.length} characters; search engines show ${limits.metaDescriptionMin}–${limits.metaDescriptionMax}. Add an SEO description or more text to the lead item.`,
      ),
    );
  if (!WEB_SLUG.test(slug) || slug.length > limits.slugMax)
    issues.push(
      issue(
        'error',
        'slug_invalid',
        'slug',
        `"${slug}" is not a slug of [a-z0-9-] within ${limits.slugMax} characters.`,
      ),
    );
  return issues;
}
