/**
 * A date as the source wrote it, with its ISO 8601 normalisation when one is possible.
 * Nothing is guessed silently: a part taken from elsewhere (the year from the catalogue date)
 * is recorded in `inferred` with the reason.
 */
export type DatePrecision = 'year' | 'month' | 'day' | 'minute' | 'second';

/** Where in the page a date was found. */
export type DateOrigin =
  | 'catalogue' // the page's header date ("December 15, 1965")
  | 'uploaded' // "Original Uploaded Date"
  | 'title' // "undated [1955]" in a title
  | 'citation' // the date inside the citation paragraph
  | 'text' // a date inside the running text
  | 'closer' // the dateline under the signature
  | 'meeting' // a "Date:" / "Time:" field of a meeting or memo header
  | 'heading'; // a dated heading (journal entries)

export interface DateValue {
  /** Exactly as written, brackets and all ("28 [October 1965]", "29 October, 5:00 p.m."). */
  verbatim: string;
  /** ISO 8601 (a TEI `teidata.temporal.w3c` value): "1965", "1965-12", "1965-12-24", "1965-10-29T17:00:00". */
  when?: string;
  /** For ranges and partial knowledge ("between 2nd and 5th of May 1960"). */
  notBefore?: string;
  notAfter?: string;
  precision?: DatePrecision;
  origin: DateOrigin;
  /** Why some part of `when`/`notBefore`/`notAfter` is not in `verbatim` (e.g. "year taken from the catalogue date"). */
  inferred?: string;
}
