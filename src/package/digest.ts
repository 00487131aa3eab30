import { hash } from 'node:crypto';

export type DigestAlgorithm = 'sha256' | 'sha512' | 'md5';

/**
 * Digests already computed, per byte array: a payload file is the same array in every format
 * (and in the edition bag), so each is hashed once per algorithm however many manifests, OCFL
 * inventories and PREMIS fixities name it. Keyed weakly: a package's bytes leave with it.
 * Callers never change a byte array after it is hashed (package files are read, never edited).
 */
const known = new WeakMap<Uint8Array, Partial<Record<DigestAlgorithm, string>>>();

export function digestHex(algorithm: DigestAlgorithm, bytes: Uint8Array): string {
  let digests = known.get(bytes);
  const cached = digests?.[algorithm];
  if (cached !== undefined) return cached;
  // One-shot: no Hash object per file (payload files are small and many).
  const hex = hash(algorithm, bytes, 'hex');
  if (!digests) known.set(bytes, (digests = {}));
  digests[algorithm] = hex;
  return hex;
}
