import { channels } from '../generation/channels.ts';
import type { DraftContent } from '../generation/draft.ts';
import { measureLength } from '../generation/social/measure-length.ts';
import { PublishError } from './publish-error.ts';

/**
 * The channel's hard limits (generation/channels.ts), checked again at publish time: a draft edited
 * after generation may have outgrown them, and a destination's refusal would be less readable.
 * Throws `PublishError('rejected')` naming the limit.
 */
export function assertWithinLimits(content: DraftContent): void {
  if (content.channel === 'email') {
    const { subjectMax } = channels.email.limits;
    if (content.subject.trim().length === 0) throw rejected('The email has no subject.');
    if (content.subject.length > subjectMax)
      throw rejected(
        `The subject is ${content.subject.length} characters; the limit is ${subjectMax}.`,
      );
    if (content.html.trim().length === 0) throw rejected('The email has no HTML body.');
    return;
  }
  if (content.channel === 'web') {
    const { titleMax } = channels.web.limits;
    if (content.title.trim().length === 0) throw rejected('The web post has no title.');
    if (content.title.length > titleMax)
      throw rejected(`The title is ${content.title.length} characters; the limit is ${titleMax}.`);
    return;
  }
  const { label, limits } = channels[content.channel];
  if (content.posts.length === 0) throw rejected(`The ${label} draft has no post.`);
  if (content.posts.length > 1 && !limits.threads)
    throw rejected(`${label} does not take threads; the draft has ${content.posts.length} posts.`);
  content.posts.forEach((post, index) => {
    const length = measureLength(post.text, limits.counting);
    if (length > limits.maxLength)
      throw rejected(
        `Post ${index + 1} is ${length} characters as ${label} counts them; the limit is ${limits.maxLength}.`,
      );
  });
}

function rejected(message: string): PublishError {
  return new PublishError('rejected', message, { vendorCode: 'too_long' });
}
