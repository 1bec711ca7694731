import { describe, expect, it } from 'vitest';
import { cutAtWord } from '../text/cut-at-word.ts';
import { fixtureInput, tone } from './email-test-input.ts';
import { emailPreheader, emailSubject, subjectIssues } from './subject.ts';

const { brand } = fixtureInput('stillwave-weekly.md');
const professional = tone('professional');

describe('emailSubject', () => {
  it('uses the lead title as it is when it fits', () => {
    expect(emailSubject('Adaptive Pace Coach', brand, professional)).toBe('Adaptive Pace Coach');
  });

  it('puts the brand name in front of a title under 10 characters', () => {
    expect(emailSubject('Update', brand, professional)).toBe('Stillwave: Update');
  });

  it('cuts a title over 100 characters at a word, with an ellipsis', () => {
    const subject = emailSubject('breathe '.repeat(20), brand, professional);
    expect([...subject].length).toBeLessThanOrEqual(100);
    expect(subject).toMatch(/breathe…$/);
  });

  it('applies the tone: no exclamation marks for professional', () => {
    expect(emailSubject('We launched it! Finally!', brand, professional)).toBe(
      'We launched it. Finally.',
    );
  });
});

describe('emailPreheader', () => {
  it('joins the next titles and stays within 150 characters', () => {
    const preheader = emailPreheader(Array(20).fill('Offline Sessions'), professional);
    expect(preheader.startsWith('Offline Sessions · Offline Sessions')).toBe(true);
    expect([...preheader].length).toBeLessThanOrEqual(150);
    expect(preheader.endsWith('…')).toBe(true);
  });
});

describe('subjectIssues', () => {
  const codes = (subject: string) =>
    subjectIssues(subject).map((issue) => `${issue.severity}:${issue.code}`);

  it('accepts an ordinary subject', () => {
    expect(codes('Adaptive Pace Coach')).toEqual([]);
  });

  it('errors below 10 characters, warns above 60 and errors above 100', () => {
    expect(codes('Too short')).toEqual(['error:subject_too_short']);
    expect(codes('a'.repeat(61))).toEqual(['warning:subject_too_long']);
    expect(codes('a'.repeat(101))).toEqual(['error:subject_too_long']);
  });

  it('warns about spam triggers as words, not inside other words', () => {
    expect(codes('Get your FREE breathing plan')).toEqual(['warning:spam_trigger_in_subject']);
    expect(codes('Act now: 100% calmer')).toEqual([
      'warning:spam_trigger_in_subject',
      'warning:spam_trigger_in_subject',
    ]);
    expect(codes('Freedom in every breath')).toEqual([]);
  });
});

describe('cutAtWord', () => {
  it('leaves text that fits and counts code points, not UTF-16 units', () => {
    expect(cutAtWord('🌊🌊🌊', 3)).toBe('🌊🌊🌊');
    expect(cutAtWord('one two three', 9)).toBe('one two…');
  });
});
