import { joinsCleanly } from './graphemes.ts';
import { type CutKind, truncateToFit } from './truncate.ts';

/** The pieces of one post, already toned; empty strings are left out. */
export interface PostParts {
  opener: string;
  title: string;
  body: string;
  link: string | null;
  hashtags: readonly string[];
  disclaimer: string;
  /** Last line on channels that end with a question; empty elsewhere. */
  question: string;
}

/** A post fitted to its limit, with what had to give way. */
export interface FittedPost {
  text: string;
  bodyCut: CutKind;
  titleCut: CutKind;
  hashtags: readonly string[];
  link: string | null;
  disclaimerDropped: boolean;
}

/** With hashtags, the body must keep this share of what it keeps without them, or tags go first. */
const BODY_SHARE_OVER_HASHTAGS = 0.75;

function headline(opener: string, title: string): string {
  if (opener === '' || title === '') return opener + title;
  return `${opener}${joinsCleanly(opener, ' ') && joinsCleanly(' ', title) ? ' ' : '\n'}${title}`;
}

/** The post as readers see it: headline, body, link, hashtags, disclaimer, question, a blank line apart. */
export function layoutPost(parts: PostParts): string {
  return [
    headline(parts.opener, parts.title),
    parts.body,
    parts.link ?? '',
    parts.hashtags.join(' '),
    parts.disclaimer,
    parts.question,
  ]
    .filter((block) => block !== '')
    .join('\n\n');
}

function fitted(parts: PostParts, bodyCut: CutKind, titleCut: CutKind): FittedPost {
  return {
    text: layoutPost(parts),
    bodyCut,
    titleCut,
    hashtags: parts.hashtags,
    link: parts.link,
    disclaimerDropped: false,
  };
}

function fitBody(parts: PostParts, fits: (text: string) => boolean) {
  return truncateToFit(parts.body, (body) => fits(layoutPost({ ...parts, body })));
}

/** Last resort when even title, link and disclaimer overflow: cut the title, then drop the rest. */
function fitTitle(parts: PostParts, fits: (text: string) => boolean): FittedPost {
  const bare = { ...parts, body: '', hashtags: [], question: '' };
  const attempts: PostParts[] = [
    bare,
    { ...bare, disclaimer: '' },
    { ...bare, disclaimer: '', link: null },
  ];
  for (const attempt of attempts) {
    const title = truncateToFit(attempt.title, (text) =>
      fits(layoutPost({ ...attempt, title: text })),
    );
    if (title.cut === 'dropped' && attempt.title !== '') continue;
    if (!fits(layoutPost({ ...attempt, title: title.text }))) continue;
    return {
      ...fitted(
        { ...attempt, title: title.text },
        parts.body === '' ? 'none' : 'dropped',
        title.cut,
      ),
      disclaimerDropped: attempt.disclaimer === '' && parts.disclaimer !== '',
    };
  }
  return {
    ...fitted({ ...bare, opener: '', title: '', disclaimer: '', link: null }, 'dropped', 'dropped'),
    disclaimerDropped: parts.disclaimer !== '',
  };
}

/**
 * Fits a post to its platform by priority: title, link and disclaimer stay; the body is cut;
 * hashtags are dropped from the end when keeping them would cost the body too much.
 */
export function fitPost(parts: PostParts, fits: (text: string) => boolean): FittedPost {
  if (fits(layoutPost(parts))) return fitted(parts, 'none', 'none');
  const withoutTags = { ...parts, hashtags: [] };
  const bodyAlone = fitBody(withoutTags, fits);
  if (bodyAlone.cut === 'dropped' && !fits(layoutPost({ ...withoutTags, body: '' })))
    return fitTitle(parts, fits);
  for (let count = parts.hashtags.length; count > 0; count -= 1) {
    const withTags = { ...parts, hashtags: parts.hashtags.slice(0, count) };
    const body = fitBody(withTags, fits);
    const keepsEnough = body.text.length >= BODY_SHARE_OVER_HASHTAGS * bodyAlone.text.length;
    if (keepsEnough && fits(layoutPost({ ...withTags, body: body.text })))
      return fitted({ ...withTags, body: body.text }, body.cut, 'none');
  }
  return fitted({ ...withoutTags, body: bodyAlone.text }, bodyAlone.cut, 'none');
}
