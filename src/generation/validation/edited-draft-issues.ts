import { channels } from '../channels.ts';
import type { DraftContent, DraftIssue } from '../draft.ts';
import { subjectIssues } from '../email/subject.ts';
import { measureLength } from '../social/measure-length.ts';
import { charLength } from '../text/cut-at-word.ts';
import { webIssues } from '../web/web-issues.ts';

/**
 * The channel limits a person's edit can break (formatters never produce these, so they are
 * checked again after every edit): subject and preheader lengths, web title and meta lengths,
 * each post's length as its platform counts it.
 */
export function editedDraftIssues(content: DraftContent): DraftIssue[] {
  switch (content.channel) {
    case 'email': {
      const issues = subjectIssues(content.subject);
      const preheaderMax = channels.email.limits.preheaderMax;
      if (charLength(content.preheader) > preheaderMax)
        issues.push({
          severity: 'warning',
          code: 'preheader_too_long',
          field: 'preheader',
          message: `The preheader has ${charLength(content.preheader)} characters; inboxes show about ${preheaderMax}.`,
        });
      return issues;
    }
    case 'web':
      return webIssues({
        title: content.title,
        slug: content.slug,
        metaDescription: content.metaDescription,
        seoTitleTruncated: false,
      });
    default: {
      const { maxLength, counting } = channels[content.channel].limits;
      return content.posts.flatMap((post, index) => {
        const length = measureLength(post.text, counting);
        return length <= maxLength
          ? []
          : [
              {
                severity: 'error' as const,
                code: 'post_too_long',
                field: `posts[${index}].text`,
                message: `This post counts ${length} on ${channels[content.channel].label}; the limit is ${maxLength}.`,
              },
            ];
      });
    }
  }
}
