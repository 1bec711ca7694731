import { randomToken, sha256Hex } from '../../lib/crypto.ts';

/**
 * `tbk_<8 chars>_<43 chars>`: the recognisable prefix (also stored, to tell keys apart in lists)
 * lets secret scanners find leaked keys; 32 random bytes make a fast hash safe to store.
 */
export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const prefix = `tbk_${randomToken(6).replace(/[-_]/g, 'x').slice(0, 8)}`;
  const key = `${prefix}_${randomToken(32)}`;
  return { key, prefix, keyHash: sha256Hex(key) };
}
