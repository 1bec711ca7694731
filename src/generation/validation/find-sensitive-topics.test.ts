import { describe, expect, it } from 'vitest';
import type { SocialContent } from '../draft.ts';
import { findSensitiveTopics } from './find-sensitive-topics.ts';

const post = (...texts: string[]): SocialContent => ({
  channel: 'x',
  posts: texts.map((text) => ({ text, length: text.length })),
  link: null,
  hashtags: [],
  itemKeys: [],
});

describe('findSensitiveTopics', () => {
  it('flags health and medical claims as warnings naming the phrase and the field', () => {
    const issues = findSensitiveTopics(
      post(
        'Calm breathing. It Reduces  Anxiety in days.',
        'Clinically proven, and it treats insomnia.',
      ),
    );
    expect(issues).toEqual([
      {
        severity: 'warning',
        code: 'health_claim',
        field: 'posts[0].text',
        message:
          '"Reduces  Anxiety" reads as a health or medical claim; it needs legal approval before it goes out.',
      },
      expect.objectContaining({
        field: 'posts[1].text',
        message: expect.stringContaining('"treats"'),
      }),
      expect.objectContaining({
        field: 'posts[1].text',
        message: expect.stringContaining('"Clinically proven"'),
      }),
    ]);
  });

  it('matches whole words only and reports each phrase once', () => {
    expect(findSensitiveTopics(post('A secure, curated routine for better evenings.'))).toEqual([]);
    expect(findSensitiveTopics(post('It heals.', 'It heals again.'))).toHaveLength(1);
  });
});
