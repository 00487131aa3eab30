import type { ExtraField, Layout } from '../../model/cable.js';
import type { SourceLine } from '../source-lines.js';

/** A piece of page text with where it starts (1-based line). */
export interface Located {
  text: string;
  line: number;
}

/**
 * What a layout reader found on the page, still as text: the layouts differ in where things
 * are, not in what they mean, so turning text into model values happens once, afterwards.
 */
export interface PageDraft {
  layout: Layout;
  title?: Located;
  date?: Located;
  citation?: Located;
  summary?: Located;
  /** Flat mirror: a summary on the first line, which may describe a related document. */
  leadingSummary?: Located;
  originalLanguage?: Located;
  /** Record export "Contents:" lines ("Translation - English"). */
  contents: Located[];
  /** Funder lists as written after "…support from" (header line, "Credits:"). */
  funderLines: Located[];
  /** Funder names the tail repeats or adds. */
  tailFunders: Located[];
  rights: Located[];
  recordId?: Located;
  documentType?: Located;
  uploadedDate?: Located;
  /** "Original Archive" values (flat mirror). */
  archiveNames: Located[];
  extraFields: (ExtraField & { line: number })[];
  /** Labels present on the page with nothing after them. */
  emptyFields: Located[];
  /** Lines of page furniture that were recognised and dropped. */
  chrome: SourceLine[];
  /** The document's text, handed to the body parser. */
  body: SourceLine[];
  /** Record export "[...]" lines around the text: the export's own omission marks. */
  gapBefore?: SourceLine;
  gapAfter?: SourceLine;
  /** Set when the page stops before its tail: what is missing. */
  truncated?: { line: number; missing: string };
}

export function emptyDraft(layout: Layout): PageDraft {
  return { layout, contents: [], funderLines: [], tailFunders: [], rights: [], archiveNames: [], extraFields: [], emptyFields: [], chrome: [], body: [] };
}
