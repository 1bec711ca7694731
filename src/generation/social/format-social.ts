import type { Item } from '../../documents/item.ts';
import { channels, type SocialChannelId } from '../channels.ts';
import type { DraftIssue, FormattedDraft, SocialContent, SocialPost } from '../draft.ts';
import { type GenerationInput, leadItem } from '../generation-input.ts';
import { tonePhrase } from '../tones/apply-tone.ts';
import { type FittedPost, fitPost, layoutPost, type PostParts } from './compose-post.ts';
import { trimGraphemes } from './graphemes.ts';
import { collectHashtags } from './hashtags.ts';
import { fitsWithin, measureLength } from './measure-length.ts';
import { bodyText, titleText } from './plain-text.ts';
import { splitThread } from './split-thread.ts';
import { applyToneInOrder } from './tone-in-order.ts';
import { trackedLink } from './tracked-link.ts';

/** The post's pieces for one item: plain text, toned in reading order, link and tags as they are. */
function postParts(channel: SocialChannelId, item: Item, input: GenerationInput): PostParts {
  const { tone, brand } = input;
  const limits = channels[channel].limits;
  const link = trackedLink(item, brand, channel, input.campaignSlug);
  const question = limits.endsWithQuestion ? tonePhrase(tone.engagementQuestion, brand.name) : '';
  const prose = [
    tonePhrase(tone.socialOpener, brand.name),
    titleText(item.title),
    bodyText(item.body),
    tone.disclaimers.map((disclaimer) => tonePhrase(disclaimer, brand.name)).join('\n\n'),
    question,
  ];
  const [opener = '', title = '', body = '', disclaimer = '', toned = ''] = applyToneInOrder(
    prose,
    tone,
    channel,
    link ?? '',
  ).map(trimGraphemes);
  return {
    opener,
    title,
    body,
    link,
    hashtags: collectHashtags(brand.hashtags, item.tags, limits.hashtagCap),
    disclaimer,
    question: toned,
  };
}

/** X: one post when everything fits, else a numbered thread with the disclaimer as its last part. */
function threadPosts(parts: PostParts): FittedPost & { posts: string[] } {
  const { maxLength, counting } = channels.x.limits;
  const whole = layoutPost(parts);
  const fitted = {
    text: whole,
    bodyCut: 'none' as const,
    titleCut: 'none' as const,
    hashtags: parts.hashtags,
    link: parts.link,
    disclaimerDropped: false,
  };
  if (measureLength(whole, counting) <= maxLength) return { ...fitted, posts: [whole] };
  const sections = [layoutPost({ ...parts, disclaimer: '' }), parts.disclaimer];
  const posts = splitThread(
    sections.filter((section) => section !== ''),
    maxLength,
    counting,
  );
  return { ...fitted, posts };
}

/** Every other platform: one post, cut to fit by priority. */
function singlePost(channel: SocialChannelId, parts: PostParts): FittedPost & { posts: string[] } {
  const { maxLength, counting } = channels[channel].limits;
  const post = fitPost(parts, (text) => fitsWithin(text, maxLength, counting));
  return { ...post, posts: [post.text] };
}

function issuesFor(
  channel: SocialChannelId,
  parts: PostParts,
  post: FittedPost,
  hashtagsWanted: number,
): DraftIssue[] {
  const { maxLength, counting, requiresImage } = channels[channel].limits;
  const room = `${maxLength} (${counting.replace('_', ' ')})`;
  const issues: DraftIssue[] = [];
  const issue = (severity: DraftIssue['severity'], code: string, field: string, message: string) =>
    issues.push({ severity, code, field, message });
  if (post.titleCut !== 'none')
    issue('warning', 'post_truncated', 'posts[0].text', `The title was cut to fit ${room}.`);
  if (post.bodyCut === 'dropped' && parts.body !== '')
    issue('warning', 'post_truncated', 'posts[0].text', `The body was left out to fit ${room}.`);
  else if (post.bodyCut !== 'none' && post.bodyCut !== 'dropped')
    issue('info', 'post_truncated', 'posts[0].text', `The body was shortened to fit ${room}.`);
  if (post.hashtags.length < hashtagsWanted)
    issue(
      'warning',
      'hashtags_dropped',
      'hashtags',
      `${hashtagsWanted - post.hashtags.length} of ${hashtagsWanted} hashtags did not fit.`,
    );
  if (post.disclaimerDropped)
    issue(
      'warning',
      'disclaimer_dropped',
      'posts[0].text',
      `The tone's disclaimer did not fit ${room}.`,
    );
  if (parts.link === null)
    issue(
      'info',
      'no_link',
      'link',
      'No link: the item has no http(s) link and the brand no site URL.',
    );
  else if (post.link === null)
    issue('warning', 'link_dropped', 'link', `The link did not fit ${room}.`);
  if (requiresImage)
    issue(
      'warning',
      'image_required',
      'images',
      `${channels[channel].label} posts need an image; add one before publishing.`,
    );
  return issues;
}

function formatItem(
  channel: SocialChannelId,
  item: Item,
  input: GenerationInput,
): FormattedDraft<SocialContent> {
  const { counting } = channels[channel].limits;
  const parts = postParts(channel, item, input);
  const post = channel === 'x' ? threadPosts(parts) : singlePost(channel, parts);
  const posts: SocialPost[] = post.posts.map((text) => ({
    text,
    length: measureLength(text, counting),
  }));
  return {
    content: {
      channel,
      posts,
      link: post.link,
      hashtags: [...post.hashtags],
      itemKeys: [item.key],
    },
    issues: issuesFor(channel, parts, post, parts.hashtags.length),
  };
}

/**
 * Social drafts for one platform (PRODUCT.md §5.4): one from the lead item, or one per item, each
 * within the platform's length (under its own counting), hashtag cap and tone caps; X gets a
 * numbered thread instead of a cut. Deterministic: same input, same posts.
 */
export function formatSocial(
  channel: SocialChannelId,
  input: GenerationInput,
): FormattedDraft<SocialContent>[] {
  const lead = leadItem(input.items);
  const items = input.socialMode === 'per_item' ? input.items : lead === undefined ? [] : [lead];
  return items.map((item) => formatItem(channel, item, input));
}
