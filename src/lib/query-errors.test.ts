import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { describeError, isDatabaseUnavailable, serializeError } from './query-errors.ts';

describe('query errors', () => {
  const wrapped = new DrizzleQueryError(
    'select * from api_keys where key_hash = $1',
    ['secret-hash'],
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
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

  it('tells an unreachable database from a wrong query', () => {
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    const shutdown = Object.assign(
      new Error('terminating connection due to administrator command'),
      { code: '57P01' },
    );
    expect(isDatabaseUnavailable(new DrizzleQueryError('select 1', [], shutdown))).toBe(true);
    const violation = Object.assign(new Error('duplicate key value'), { code: '23505' });
    expect(isDatabaseUnavailable(new DrizzleQueryError('insert …', [], violation))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  });

  it('serialises plain-object errors by their message', () => {
    expect(serializeError({ message: 'queue stalled', code: 1 })).toEqual({
      message: 'queue stalled',
    });
    expect(serializeError({ reason: 'x' })).toEqual({ message: '{"reason":"x"}' });
  });
});
