import type { Channel, DraftContent } from '../../types/campaigns.ts';
import { isEmailContent, isSocialContent, isWebContent } from '../previews/content.ts';
import { codePointLength, postLength } from '../previews/measure.ts';

/** The fields a person may edit (PATCH /v1/drafts/{id}), by kind of draft. */
export interface EditValues {
  subject?: string;
  preheader?: string;
  text?: string;
  title?: string;
  excerpt?: string;
  metaDescription?: string;
  seoTitle?: string;
  posts?: string[];
}

/** An unsaved edit, and the version it started from (a newer saved version is a conflict). */
export interface DraftEdit {
  baseVersion: number;
  values: EditValues;
}

const stringFields = [
  'subject',
  'preheader',
  'text',
  'title',
  'excerpt',
  'metaDescription',
  'seoTitle',
] as const;

/** A draft's editable fields as they are saved. */
export function valuesOf(content: DraftContent): EditValues {
  if (isEmailContent(content))
    return { subject: content.subject, preheader: content.preheader, text: content.text };
  if (isWebContent(content))
    return {
      title: content.title,
      excerpt: content.excerpt,
      metaDescription: content.metaDescription,
      seoTitle: content.seoTitle,
    };
  return { posts: isSocialContent(content) ? content.posts.map((post) => post.text) : [] };
}

/** Only the fields that differ from the saved content: the body of the PATCH. */
export function changedFields(content: DraftContent, values: EditValues): EditValues {
  const saved = valuesOf(content);
  const changed: EditValues = {};
  for (const field of stringFields) {
    const value = values[field];
    if (value !== undefined && value !== saved[field]) changed[field] = value;
  }
  if (values.posts !== undefined && values.posts.join('\u0000') !== saved.posts?.join('\u0000'))
    changed.posts = values.posts;
  return changed;
}

export function isDirty(content: DraftContent, values: EditValues): boolean {
  return Object.keys(changedFields(content, values)).length > 0;
}

/** The content as it will read once the edit is saved (the HTML parts are not re-rendered). */
export function withEdit(
  content: DraftContent,
  values: EditValues,
  channel: Channel | undefined,
): DraftContent {
  if (isEmailContent(content)) return { ...content, ...pickStrings(values) };
  if (isWebContent(content)) return { ...content, ...pickStrings(values) };
  if (isSocialContent(content) && values.posts && channel?.kind === 'social')
    return {
      ...content,
      posts: values.posts.map((text) => ({ text, length: postLength(text, channel) })),
    };
  return content;
}

function pickStrings(values: EditValues): Partial<Record<(typeof stringFields)[number], string>> {
  const picked: Partial<Record<(typeof stringFields)[number], string>> = {};
  for (const field of stringFields) {
    const value = values[field];
    if (value !== undefined) picked[field] = value;
  }
  return picked;
}

/**
 * What the server would refuse as an error once this edit is saved, measured as it measures:
 * subject and web title out of bounds, a post over its platform's limit or empty. Each reason is a
 * sentence naming the field, e.g. "X post 1 is 11 characters over the 280 limit."
 */
export function liveProblems(label: string, content: DraftContent, channel: Channel): string[] {
  const problems: string[] = [];
  if (isEmailContent(content) && channel.kind === 'email') {
    const { subjectMin, subjectMax } = channel.limits;
    const length = codePointLength(content.subject);
    if (length < subjectMin)
      problems.push(
        `${label} subject is ${subjectMin - length} characters short of the ${subjectMin} minimum.`,
      );
    if (length > subjectMax)
      problems.push(
        `${label} subject is ${length - subjectMax} characters over the ${subjectMax} limit.`,
      );
  }
  if (isWebContent(content) && channel.kind === 'web') {
    const { titleMin, titleMax } = channel.limits;
    const length = content.title.length;
    if (length < titleMin)
      problems.push(
        `${label} title is ${titleMin - length} characters short of the ${titleMin} minimum.`,
      );
    if (length > titleMax)
      problems.push(
        `${label} title is ${length - titleMax} characters over the ${titleMax} limit.`,
      );
  }
  if (isSocialContent(content) && channel.kind === 'social') {
    const { maxLength } = channel.limits;
    content.posts.forEach((post, index) => {
      const name = `${label} post ${index + 1}`;
      if (post.text.trim() === '') problems.push(`${name} is empty.`);
      else if (post.length > maxLength)
        problems.push(
          `${name} is ${post.length - maxLength} characters over the ${maxLength} limit.`,
        );
    });
  }
  return problems;
}
