import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  getIdempotencyRecord,
  releaseIdempotencyKey,
} from '../db/queries/idempotency-keys.ts';
import { decryptSecret, encryptSecret, sha256Hex } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import { stableJson } from '../lib/stable-json.ts';
import { actorLabel } from '../services/context.ts';

type Claim = { workspaceId: string; principal: string; key: string };
const claims = new WeakMap<FastifyRequest, Claim>();
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * `Idempotency-Key` on authenticated POSTs: the first response is stored and replayed for the same
 * key and body; the same key with another body is a client error (422); a key whose first request
 * is still running is a 409. Server errors release the key so a retry can run.
 * Stored responses may hold secrets shown once (a new API key, a setup token), so they are
 * encrypted at rest with the instance's secret key.
 */
export function idempotencyHooks(db: Db, secretKey: Buffer) {
  async function preHandler(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined || !request.principal) return;
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
      throw new AppError(
        'validation',
        'Idempotency-Key must be 1–255 printable ASCII characters.',
        {
          errors: [
            {
              field: 'headers.idempotency-key',
              message: 'must be 1–255 printable ASCII characters',
            },
          ],
        },
      );
    }
    const claim = {
      workspaceId: request.principal.workspaceId,
      principal: actorLabel(request.principal.actor),
      key: header,
    };
    const path = request.url.split('?')[0] ?? request.url;
    const requestHash = sha256Hex(`${request.method} ${path}\n${stableJson(request.body ?? null)}`);
    if (await claimIdempotencyKey(db, { ...claim, method: request.method, path, requestHash })) {
      claims.set(request, claim);
      return;
    }
    const record = await getIdempotencyRecord(db, claim);
    if (!record)
      throw new AppError('conflict', 'This Idempotency-Key was just released; retry the request.');
    if (record.requestHash !== requestHash) {
      throw new AppError(
        'unprocessable',
        'This Idempotency-Key was already used with a different request.',
      );
    }
    if (record.statusCode === null || record.responseBody === null) {
      throw new AppError(
        'conflict',
        'A request with this Idempotency-Key is still being processed.',
      );
    }
    reply.header('Idempotent-Replayed', 'true');
    if (record.responseContentType) reply.type(record.responseContentType);
    return reply.code(record.statusCode).send(decryptSecret(record.responseBody, secretKey));
  }

  async function onSend(
    request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
  ): Promise<unknown> {
    const claim = claims.get(request);
    if (!claim) return payload;
    claims.delete(request);
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      await releaseIdempotencyKey(db, claim);
      return payload;
    }
    const contentType = reply.getHeader('content-type');
    await completeIdempotencyKey(db, claim, {
      statusCode: reply.statusCode,
      responseBody: encryptSecret(payload, secretKey),
      responseContentType: typeof contentType === 'string' ? contentType : null,
    });
    return payload;
  }

  return { preHandler, onSend };
}
