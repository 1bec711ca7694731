import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

export interface FieldError {
  field: string;
  message: string;
}

/** Every error the mock CRM returns has the same shape: `{error:{code,message,details?}}`. */
export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details?: FieldError[],
): FastifyReply {
  return reply
    .code(status)
    .send({ error: details ? { code, message, details } : { code, message } });
}

/** A zod failure as a 400 that names each bad field, so client tests can assert on it. */
export function sendInvalid(reply: FastifyReply, what: string, error: z.ZodError): FastifyReply {
  const details = error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
  const summary = details.map((detail) => `${detail.field}: ${detail.message}`).join('; ');
  return sendError(reply, 400, 'invalid_request', `Invalid ${what}: ${summary}`, details);
}
