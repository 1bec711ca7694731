import type { EmailMessage, SocialPostMessage, WebPostMessage } from '../../types/deliveries.ts';

/** What a stored outbox message is, read from its own fields (the API types it as a record). */
export type SentMessage =
  | { kind: 'email'; email: EmailMessage }
  | { kind: 'web'; post: WebPostMessage }
  | { kind: 'social'; post: SocialPostMessage }
  | { kind: 'other' };

const isString = (value: unknown): value is string => typeof value === 'string';

export function readMessage(message: Record<string, unknown>): SentMessage {
  const { subject, preheader, template, html, text, title, slug, excerpt, canonicalUrl } = message;
  const { tags, posts, link, hashtags } = message;
  if (isString(subject) && isString(html) && isString(text))
    return {
      kind: 'email',
      email: {
        subject,
        html,
        text,
        preheader: isString(preheader) ? preheader : '',
        template: isString(template) ? template : '—',
      },
    };
  if (isString(title) && isString(slug) && isString(html))
    return {
      kind: 'web',
      post: {
        title,
        slug,
        html,
        excerpt: isString(excerpt) ? excerpt : '',
        canonicalUrl: isString(canonicalUrl) ? canonicalUrl : null,
        tags: Array.isArray(tags) ? tags.filter(isString) : [],
      },
    };
  if (Array.isArray(posts))
    return {
      kind: 'social',
      post: {
        posts: posts.flatMap((post: unknown) =>
          post && typeof post === 'object' && 'text' in post && isString(post.text)
            ? [{ text: post.text }]
            : [],
        ),
        link: isString(link) ? link : null,
        hashtags: Array.isArray(hashtags) ? hashtags.filter(isString) : [],
      },
    };
  return { kind: 'other' };
}
