import { reviewLinkKey, verifyReviewToken } from '../../approvals/review-token.ts';
import type { Db } from '../../db/client.ts';
import { getReviewLink, lockReviewLink, type ReviewLink } from '../../db/queries/review-links.ts';
import { safeEqual, sha256Hex } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';

/**
 * The review link a token opens. A missing, malformed or tampered token is 401 (the signature is
 * checked before any lookup); a link revoked, expired or gone with its campaign is 410. `lock`
 * takes the row until the transaction ends (decisions).
 */
export async function resolveReviewLink(
  db: Db,
  secretKey: Buffer,
  token: string | undefined,
  { now, lock = false }: { now: Date; lock?: boolean },
): Promise<ReviewLink> {
  const claims = token ? verifyReviewToken(reviewLinkKey(secretKey), token) : null;
  if (!token || !claims)
    throw new AppError(
      'unauthorized',
      'This review link is not valid: send its token as X-Review-Token.',
    );
  const scope = { workspaceId: claims.workspaceId, id: claims.linkId };
  const link = lock ? await lockReviewLink(db, scope) : await getReviewLink(db, scope);
  if (!link) throw new AppError('gone', 'This review link no longer exists.');
  if (!safeEqual(sha256Hex(token), link.tokenHash))
    throw new AppError('unauthorized', 'This review link is not valid.');
  if (link.revokedAt !== null) throw new AppError('gone', 'This review link was revoked.');
  if (now > link.expiresAt || now > claims.expiresAt)
    throw new AppError('gone', 'This review link has expired.');
  return link;
}
