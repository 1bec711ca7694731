import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from './config.ts';

/**
 * The AES-256-GCM key for secrets at rest. From TOOMBOS_SECRET_KEY when set (required on
 * PostgreSQL, see config.ts); on the embedded database, generated on first start into
 * `DATA_DIR/secret.key` (mode 0600) so `npm start` needs no setup. Back it up with the data.
 */
export function loadSecretKey(config: Config): Buffer {
  if (config.TOOMBOS_SECRET_KEY) return Buffer.from(config.TOOMBOS_SECRET_KEY, 'hex');
  const dir = resolve(config.DATA_DIR);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'secret.key');
  try {
    return decode(readFileSync(path, 'utf8'), path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const generated = randomBytes(32).toString('hex');
  // 'wx': never overwrite a key that appeared meanwhile; losing the key loses every secret.
  writeFileSync(path, `${generated}\n`, { mode: 0o600, flag: 'wx' });
  return decode(readFileSync(path, 'utf8'), path);
}

function decode(text: string, path: string): Buffer {
  const hex = text.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(hex))
    throw new Error(`${path} does not hold a 64-hex-character key`);
  return Buffer.from(hex, 'hex');
}
