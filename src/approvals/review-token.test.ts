import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { reviewLinkKey, signReviewToken, verifyReviewToken } from './review-token.ts';

describe('review-link tokens', () => {
  const key = reviewLinkKey(randomBytes(32));
  const claims = {
    linkId: randomUUID(),
    workspaceId: randomUUID(),
    expiresAt: new Date('2030-01-01T00:00:00.000Z'),
  };

  it('round-trips the claims it signed', () => {
    expect(verifyReviewToken(key, signReviewToken(key, claims))).toEqual(claims);
  });

  it('refuses a changed payload, a changed signature, another key and garbage', () => {
    const token = signReviewToken(key, claims);
    const [version, payload, sig] = token.split('.') as [string, string, string];
    const longer = Buffer.from(
      JSON.stringify({ l: claims.linkId, w: claims.workspaceId, e: Date.parse('2040-01-01') }),
    ).toString('base64url');
    expect(verifyReviewToken(key, `${version}.${longer}.${sig}`)).toBeNull();
    // Another character in place of the second-to-last one (always a different one: the test once
    // chose by the last character and sometimes wrote back the same letter).
    const replaced = sig.at(-2) === 'A' ? 'B' : 'A';
    const flipped = `${sig.slice(0, -2)}${replaced}${sig.slice(-1)}`;
    expect(flipped).not.toBe(sig);
    expect(verifyReviewToken(key, `${version}.${payload}.${flipped}`)).toBeNull();
    expect(verifyReviewToken(reviewLinkKey(randomBytes(32)), token)).toBeNull();
    for (const bad of ['', 'rl1', 'rl1..', `rl2.${payload}.${sig}`, `${token}.x`])
      expect(verifyReviewToken(key, bad)).toBeNull();
  });

  it('derives a key different from the secret key', () => {
    const secret = randomBytes(32);
    expect(reviewLinkKey(secret).equals(secret)).toBe(false);
  });
});
