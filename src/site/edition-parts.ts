import { createHash } from 'node:crypto';
import { digestsKey, summaryDigest } from '../stage/index.js';
import type { EditionEntry } from './derive-site.js';
import type { DocumentSummary } from './document-summary.js';

/**
 * One edition-wide file of the site, named by what it is made from: `key` changes exactly when
 * the file's inputs change (the settings and the tool aside, which the build keys apart), and
 * `render` makes it. A build keeps the files whose keys hold and renders only the others, so a
 * one-document change re-makes the pages that list that document, not every list of the edition.
 */
export interface EditionPart {
  path: string;
  key: string;
  render(): string;
}

/** Keys made from the entries' digests: a label (what the file is), then each listed document's digest in list order. */
export class PartKeys {
  private readonly digests = new Map<DocumentSummary, string>();

  /** `digests[i]` is `summaryDigest(entries[i])`, as the build keeps them; without them they are taken here. */
  constructor(entries: readonly EditionEntry[], digests?: readonly string[]) {
    entries.forEach((e, i) => this.digests.set(e.summary, digests?.[i] ?? summaryDigest(e)));
  }

  /** The key of a file listing `documents` (in that order) under `label`. */
  list(label: string, documents: readonly DocumentSummary[]): string {
    // Every listed summary is one of the entries': lists are made from them.
    return digestsKey(label, documents.map((d) => this.digests.get(d)!));
  }

  /** The key of a file made from plain values (counts, paths, ids). */
  static of(value: unknown): string {
    return createHash('sha256').update(JSON.stringify(value)).digest('hex');
  }
}
