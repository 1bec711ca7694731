import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Review-link tokens: `rl1.<payload>.<signature>`, the payload naming the link, its workspace and
 * its expiry, signed with HMAC-SHA256 under a key derived from the instance's secret key. The
 * signature is checked (in constant time) before anything is looked up, so a tampered token never
 * reaches the database; the stored hash of the whole token is checked after.
 */
const VERSION = 'rl1';

const payloadSchema = z.object({ l: z.uuid(), w: z.uuid(), e: z.number().int() });

export interface ReviewTokenClaims {
  linkId: string;
  workspaceId: string;
  expiresAt: Date;
}

/** A key for review links only: a leak of one derived key does not expose the secret key. */
export function reviewLinkKey(secretKey: Buffer): Buffer {
  return createHmac('sha256', secretKey).update('toombos review links v1').digest();
}

function signature(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(`${VERSION}.${payload}`).digest();
}

export function signReviewToken(key: Buffer, claims: ReviewTokenClaims): string {
  const payload = Buffer.from(
    JSON.stringify({ l: claims.linkId, w: claims.workspaceId, e: claims.expiresAt.getTime() }),
  ).toString('base64url');
  return `${VERSION}.${payload}.${signature(key, payload).toString('base64url')}`;
}

/** The claims of a token this instance signed; null for anything else (malformed or tampered). */
export function verifyReviewToken(key: Buffer, token: string): ReviewTokenClaims | null {
  const [version, payload, sent, extra] = token.split('.');
  if (version !== VERSION || !payload || !sent || extra !== undefined) return null;
  const expected = signature(key, payload);
  const given = Buffer.from(sent, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = payloadSchema.parse(
      JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
    );
    return { linkId: parsed.l, workspaceId: parsed.w, expiresAt: new Date(parsed.e) };
  } catch {
    return null;
  }
}
