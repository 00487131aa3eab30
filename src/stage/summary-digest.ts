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
