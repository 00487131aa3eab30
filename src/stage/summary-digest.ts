import { createHash } from 'node:crypto';

/**
 * A stage summary's digest, taken once when the document is derived and kept beside the summary:
 * corpus steps are keyed by these, not by serializing every summary on every run. Summaries are
 * plain JSON, so the digest survives the build cache's JSON round trip.
 */
export function summaryDigest(summary: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(summary) ?? 'undefined')
    .digest('hex');
}

/**
 * The key of something made from summaries: a label saying what it is, then their digests in order,
 * hashed at once (one hash update per digest cost more than the hashing at 10,000 documents).
 */
export function digestsKey(label: string, digests: readonly string[]): string {
  return createHash('sha256').update(`${JSON.stringify(label)}\n${digests.join('')}`).digest('hex');
}
