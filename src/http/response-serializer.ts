import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { z } from 'zod';

/**
 * Responses are declared with zod (for types and OpenAPI) and written by fast-json-stringify
 * compiled from the same schema's JSON Schema: it emits only declared properties, so a field a
 * view forgot to drop (a hash, a token) can never leak, at a fraction of a zod parse per reply.
 * Compiled once per route and status at start-up.
 */
export const responseSerializerCompiler: FastifySerializerCompiler<z.ZodType> = ({ schema }) =>
  compileSerializer(schema);

export function compileSerializer<T>(schema: z.ZodType<T>): (value: T) => string {
  const jsonSchema = z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'output',
    unrepresentable: 'any',
  });
  return fastJson(jsonSchema as Parameters<typeof fastJson>[0]);
}
