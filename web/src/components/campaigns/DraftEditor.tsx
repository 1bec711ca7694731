import { Stack, Textarea, TextInput } from '@mantine/core';
import type { Channel, DraftContent } from '../../types/campaigns.ts';
import { isEmailContent, isSocialContent, isWebContent } from '../previews/content.ts';
import { type CounterSeverity, LengthCounter } from '../previews/LengthCounter.tsx';
import { codePointLength, postLength } from '../previews/measure.ts';
import type { EditValues } from './edits.ts';

/** Inputs show their counters under the field, where the eye is while typing. */
const counterBelow = ['label', 'input', 'description', 'error'] as (
  | 'label'
  | 'input'
  | 'description'
  | 'error'
)[];

/**
 * The editable fields of one draft with live "N / limit" counters measured as the server measures
 * (code points for the subject, UTF-16 for web fields, the platform's counting for posts).
 * `content` is the draft with the edit applied; `onChange` gets the new values.
 */
export function DraftEditor({
  label,
  testKey,
  content,
  channel,
  values,
  onChange,
}: {
  label: string;
  /** The draft's target: counters are `counter-<target>-<n>`. */
  testKey: string;
  content: DraftContent;
  channel: Channel;
  values: EditValues;
  onChange: (values: EditValues) => void;
}) {
  const field = (
    name: Exclude<keyof EditValues, 'posts'>,
    inputLabel: string,
    counter: { length: number; max: number; min?: number; severity: CounterSeverity } | null,
    multiline = false,
  ) => {
    const props = {
      label: inputLabel,
      value: values[name] ?? '',
      inputWrapperOrder: counterBelow,
      description: counter ? <LengthCounter {...counter} /> : undefined,
      onChange: (event: { currentTarget: { value: string } }) =>
        onChange({ ...values, [name]: event.currentTarget.value }),
    };
    return multiline ? (
      <Textarea key={name} {...props} autosize minRows={2} maxRows={14} />
    ) : (
      <TextInput key={name} {...props} />
    );
  };

  if (isEmailContent(content) && channel.kind === 'email') {
    const { limits } = channel;
    return (
      <Stack gap="sm">
        {field('subject', 'Subject', {
          length: codePointLength(content.subject),
          max: limits.subjectMax,
          min: limits.subjectMin,
          severity: 'error',
        })}
        {field('preheader', 'Preheader', {
          length: codePointLength(content.preheader),
          max: limits.preheaderMax,
          severity: 'warning',
        })}
        {field('text', 'Plain-text version', null, true)}
      </Stack>
    );
  }
  if (isWebContent(content) && channel.kind === 'web') {
    const { limits } = channel;
    return (
      <Stack gap="sm">
        {field('title', 'Title', {
          length: content.title.length,
          max: limits.titleMax,
          min: limits.titleMin,
          severity: 'error',
        })}
        {field(
          'excerpt',
          'Excerpt',
          { length: content.excerpt.length, max: limits.excerptMax, severity: 'warning' },
          true,
        )}
        {field('seoTitle', 'SEO title', {
          length: content.seoTitle.length,
          max: limits.seoTitleMax,
          severity: 'warning',
        })}
        {field(
          'metaDescription',
          'Meta description',
          {
            length: content.metaDescription.length,
            max: limits.metaDescriptionMax,
            min: limits.metaDescriptionMin,
            severity: 'warning',
          },
          true,
        )}
      </Stack>
    );
  }
  if (isSocialContent(content) && channel.kind === 'social') {
    const posts = values.posts ?? [];
    return (
      <Stack gap="sm">
        {posts.map((text, index) => (
          <Textarea
            // biome-ignore lint/suspicious/noArrayIndexKey: a post is its position in the thread
            key={index}
            label={`${label} post ${index + 1}`}
            value={text}
            autosize
            minRows={3}
            maxRows={12}
            inputWrapperOrder={counterBelow}
            description={
              <LengthCounter
                length={postLength(text, channel)}
                max={channel.limits.maxLength}
                testId={`counter-${testKey}-${index + 1}`}
              />
            }
            onChange={(event) =>
              onChange({
                ...values,
                posts: posts.map((post, at) => (at === index ? event.currentTarget.value : post)),
              })
            }
          />
        ))}
      </Stack>
    );
  }
  return null;
}
