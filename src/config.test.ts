import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactConfig } from './config.ts';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

const SECRET_KEY = 'ab'.repeat(32);

describe('loadConfig', () => {
  it('applies defaults to an empty environment, and treats empty values as unset', () => {
    const config = loadConfig({ PORT: '', CORS_ORIGINS: '' });
    expect(config).toMatchObject({ PORT: 8080, HOST: '127.0.0.1', CORS_ORIGINS: [] });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('parses numbers and comma-separated lists', () => {
    const config = loadConfig({
      PORT: '0',
      CORS_ORIGINS: 'https://a.example, https://b.example,,',
      TOOMBOS_SECRET_KEY: SECRET_KEY,
    });
    expect(config.PORT).toBe(0);
    expect(config.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(config.TOOMBOS_SECRET_KEY).toBe(SECRET_KEY);
  });

  it('reports every problem at once, each naming its setting', () => {
    const error = configError({ PORT: 'eighty', LOG_LEVEL: 'loud', BODY_LIMIT_BYTES: '1' });
    expect(error.problems).toHaveLength(3);
    expect(error.problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'BODY_LIMIT_BYTES',
      'LOG_LEVEL',
      'PORT',
    ]);
    for (const setting of ['PORT', 'LOG_LEVEL', 'BODY_LIMIT_BYTES'])
      expect(error.message).toContain(setting);
  });

  it('reports a rule across settings together with a bad single setting', () => {
    // PostgreSQL needs TOOMBOS_SECRET_KEY: that rule must not wait for PORT to be fixed first.
    const url = 'postgres://toombos:hunter2@db.internal/toombos';
    const error = configError({ PORT: 'eighty', DATABASE_URL: url });
    expect(error.message).toContain('PORT');
    expect(error.message).toContain('TOOMBOS_SECRET_KEY');
    expect(error.message).not.toContain('hunter2');
  });

  it('never repeats the value of a bad secret in its message', () => {
    const badUrl = 'mysql://admin:hunter2-very-secret@db.internal/prod';
    const badKey = 'not-hex-but-secret-sauce-0123456789';
    const error = configError({ DATABASE_URL: badUrl, TOOMBOS_SECRET_KEY: badKey, PORT: '-1' });
    expect(error.problems).toHaveLength(3);
    expect(error.message).toContain('DATABASE_URL');
    expect(error.message).toContain('TOOMBOS_SECRET_KEY');
    for (const leak of [badUrl, badKey, 'hunter2', 'secret-sauce', 'db.internal'])
      expect(error.message).not.toContain(leak);
    expect(JSON.stringify(error.problems)).not.toContain('hunter2');
  });

  it('rejects a secret key of the wrong length without echoing it', () => {
    const almost = 'c'.repeat(63);
    const error = configError({ TOOMBOS_SECRET_KEY: almost });
    expect(error.message).toContain('TOOMBOS_SECRET_KEY');
    expect(error.message).not.toContain(almost);
  });
});

describe('redactConfig', () => {
  it('hides the database URL and the secret key, and keeps the rest', () => {
    const url = 'postgres://toombos:hunter2@db.internal:5432/toombos';
    const config = loadConfig({ DATABASE_URL: url, TOOMBOS_SECRET_KEY: SECRET_KEY, PORT: '9000' });
    const redacted = redactConfig(config);
    expect(redacted.DATABASE_URL).toBe('[redacted]');
    expect(redacted.TOOMBOS_SECRET_KEY).toBe('[redacted]');
    expect(redacted.PORT).toBe(9000);
    const printed = JSON.stringify(redacted);
    expect(printed).not.toContain('hunter2');
    expect(printed).not.toContain(SECRET_KEY);
    // The original is left untouched.
    expect(config.DATABASE_URL).toBe(url);
  });

  it('leaves unset secrets unset', () => {
    const redacted = redactConfig(loadConfig({}));
    expect(redacted.DATABASE_URL).toBeUndefined();
    expect(redacted.TOOMBOS_SECRET_KEY).toBeUndefined();
  });
});
