import { ledgerLine, parseLedger, type OutputLedger } from './output-ledger.js';

/**
 * The outputs ledger as a build wrote it, kept as its text: looked up by binary search and patched
 * by difference, never taken apart whole. At 10,000 documents the ledger is 190,000 lines (20 MB);
 * parsing it into a Map, then sorting and joining it again, cost most of a second of every build
 * that wrote anything, when a one-page change alters a dozen lines.
 *
 * Only for text `serializeLedger` wrote (sorted by path in code unit order, one line a file, the
 * file's last line ended), without escaped names (a line starting with a backslash): `from` says
 * whether a text is one. The build uses it only for the ledger it recorded writing (same stamp).
 */
export class SortedLedger {
  private constructor(readonly text: string) {}

  /** The ledger as a SortedLedger, or undefined when the text is not plain sorted lines as written. */
  static from(text: string): SortedLedger | undefined {
    if (text !== '' && (!text.endsWith('\n') || text.charCodeAt(0) === 92 || text.includes('\n\\'))) return undefined;
    return new SortedLedger(text);
  }

  /** The sha256 recorded for a path. */
  get(path: string): string | undefined {
    const at = this.lowerBound(path, 0);
    if (at >= this.text.length) return undefined;
    const end = this.text.indexOf('\n', at);
    return this.text.slice(at + 66, end) === path ? this.text.slice(at, at + 64) : undefined;
  }

  /** The ledger's text with each path set to its sha256, or removed (undefined), still sorted. */
  patched(changes: ReadonlyMap<string, string | undefined>): string {
    const paths = [...changes.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const pieces: string[] = [];
    let cursor = 0;
    for (const path of paths) {
      const at = this.lowerBound(path, cursor);
      pieces.push(this.text.slice(cursor, at));
      cursor = at;
      if (at < this.text.length) {
        const end = this.text.indexOf('\n', at);
        if (this.text.slice(at + 66, end) === path) cursor = end + 1;
      }
      const sha = changes.get(path);
      if (sha !== undefined) pieces.push(ledgerLine(path, sha));
    }
    pieces.push(this.text.slice(cursor));
    return pieces.join('');
  }

  toMap(): OutputLedger {
    return parseLedger(this.text) ?? new Map();
  }

  /**
   * The offset of the first line at or after `from` (a line start) whose path is not less than
   * `path`; the text's length when there is none.
   */
  private lowerBound(path: string, from: number): number {
    const { text } = this;
    let lo = from;
    let hi = text.length;
    while (lo < hi) {
      const mid = lo + ((hi - lo) >> 1);
      // The line holding `mid`: it starts at or after `lo`, itself a line start.
      const start = text.lastIndexOf('\n', mid - 1) + 1;
      const end = text.indexOf('\n', start);
      if (text.slice(start + 66, end) < path) lo = end + 1;
      else hi = start;
    }
    return lo;
  }
}
