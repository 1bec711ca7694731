import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { describeError, serializeError } from './query-errors.ts';

describe('query errors', () => {
  const wrapped = new DrizzleQueryError(
    'select * from api_keys where key_hash = $1',
    ['secret-hash'],
    new Error('connect ECONNREFUSED 127.0.0.1:5432'),
  );

  it('describes a failed query by its cause', () => {
    expect(describeError(wrapped)).toBe('connect ECONNREFUSED 127.0.0.1:5432');
  });

  it('never serialises query parameters', () => {
    const serialized = JSON.stringify(serializeError(wrapped));
    expect(serialized).not.toContain('secret-hash');
    expect(serialized).toContain('select * from api_keys');
    expect(serialized).toContain('ECONNREFUSED');
  });
});
