import { createHash } from 'node:crypto';

export type DigestAlgorithm = 'sha256' | 'sha512' | 'md5';

export function digestHex(algorithm: DigestAlgorithm, bytes: Uint8Array): string {
  return createHash(algorithm).update(bytes).digest('hex');
}
