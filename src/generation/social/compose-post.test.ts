import { describe, expect, it } from 'vitest';
import { fitPost, layoutPost, type PostParts } from './compose-post.ts';

const parts: PostParts = {
  opener: 'Good news:',
  title: 'Offline Sessions',
  body: 'Every guided session can now be downloaded. Your progress is stored on the phone and synced later.',
  link: 'https://stillwave.com/?utm_source=x',
  hashtags: ['#Stillwave', '#BreathingTips'],
  disclaimer: 'Not medical advice.',
  question: '',
};
const within = (limit: number) => (text: string) => [...text].length <= limit;

describe('layoutPost', () => {
  it('puts the headline, body, link, hashtags and disclaimer a blank line apart', () => {
    expect(layoutPost(parts)).toBe(
      'Good news: Offline Sessions\n\nEvery guided session can now be downloaded. Your progress is stored on the phone and synced later.\n\nhttps://stillwave.com/?utm_source=x\n\n#Stillwave #BreathingTips\n\nNot medical advice.',
    );
  });
});

describe('fitPost', () => {
  it('keeps everything when it fits', () => {
    const post = fitPost(parts, within(1000));
    expect(post.bodyCut).toBe('none');
    expect(post.text).toBe(layoutPost(parts));
  });

  it('cuts the body but keeps title, link, disclaimer and hashtags when the body keeps enough', () => {
    const post = fitPost(parts, within(200));
    expect(post.bodyCut).not.toBe('none');
    expect(post.hashtags).toEqual(parts.hashtags);
    expect(post.text).toContain('Offline Sessions');
    expect(post.text).toContain(parts.link ?? '');
    expect(post.text).toContain('Not medical advice.');
    expect([...post.text].length).toBeLessThanOrEqual(200);
  });

  it('drops hashtags before the body loses most of its room', () => {
    const post = fitPost(parts, within(125));
    expect(post.hashtags.length).toBeLessThan(parts.hashtags.length);
    expect(post.text).toContain('Not medical advice.');
  });

  it('cuts the title only when nothing else can give way, then drops the disclaimer and link', () => {
    const long = { ...parts, title: 'A title far too long to fit '.repeat(5) };
    const post = fitPost(long, within(100));
    expect(post.titleCut).not.toBe('none');
    expect(post.text).toContain('Not medical advice.');
    expect([...post.text].length).toBeLessThanOrEqual(100);
    const tiny = fitPost(long, within(20));
    expect(tiny.link).toBeNull();
    expect(tiny.disclaimerDropped).toBe(true);
    expect([...tiny.text].length).toBeLessThanOrEqual(20);
  });
});
