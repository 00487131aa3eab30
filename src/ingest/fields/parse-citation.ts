import type { ArchiveReference, Contributor } from '../../model/cable.js';
import { extractUrls } from './extract-urls.js';
import { parseArchiveReferences } from './parse-archive-reference.js';
import { parseContributors } from './parse-contributors.js';
import { normalizeWhitespace } from '../../model/reading-text.js';
import { findDateAtStart } from '../dates/find-dates.js';

export interface ParsedCitation {
  /** The quoted title, without its quotes and the comma inside them. */
  title?: string;
  /** The date as written between the title and the publisher. */
  date?: string;
  publisher?: string;
  urls: string[];
  archiveReferences: ArchiveReference[];
  contributors: Contributor[];
  /** Parts that did not read as any of the above (reported, and still in the verbatim citation). */
  unread: string[];
}

/** Beyond this a "citation" is not one; it is kept verbatim but not taken apart. */
const MAX_CITATION = 4000;
const PUBLISHER_END = 'Digital Archive';
const CONTRIBUTORS_START = /(?:^|[.;]\s+)(?=(?:Obtained|Translated|Contributed)\b)/;

/** The closing quote of a title opened at 0: “…” or "…" (the old site puts the comma inside: `,"`). */
function closingQuote(text: string): number {
  if (text.startsWith('“')) return text.indexOf('”', 1);
  const inside = text.indexOf(',"', 1);
  const after = text.indexOf('",', 1);
  if (inside < 0) return after;
  if (after < 0) return inside + 1;
  return Math.min(inside + 1, after);
}

const BARE_YEAR = /^(?:1[6-9]\d\d|20\d\d)(?=[,.]|$)/;

/** A date opening `text` and ending at a comma, a full stop or the end ("July 12, 1956, CWIHP Archives."). */
function leadingDate(text: string): string | undefined {
  const found = findDateAtStart(text, 'citation')?.verbatim ?? BARE_YEAR.exec(text)?.[0];
  if (found === undefined) return undefined;
  const next = text[found.length];
  return next === undefined || next === ',' || next === '.' ? found : undefined;
}

/**
 * A citation paragraph in any of the site's forms:
 * `"Title", December 15, 1965, Wilson Center Digital Archive, PRC FMA 106-01480-05, 46-49. Translated by A. <url>`
 * or just `PRC FMA 106-01479-08, 85-88. Obtained by X and translated by Y.`
 */
export function parseCitation(citation: string): ParsedCitation {
  const { urls, rest: withoutUrls } = extractUrls(citation);
  const out: ParsedCitation = { urls, archiveReferences: [], contributors: [], unread: [] };
  let rest = normalizeWhitespace(withoutUrls);
  if (rest.length > MAX_CITATION) {
    out.unread.push(rest);
    return out;
  }
  if (rest.startsWith('"') || rest.startsWith('“')) {
    const close = closingQuote(rest);
    if (close > 0) {
      out.title = rest.slice(1, close).replace(/,$/, '').trim();
      rest = rest.slice(close + 1).replace(/^\s*,?\s*/, '');
    }
  }
  const pub = rest.indexOf(PUBLISHER_END);
  if (pub < 0) {
    // No "… Digital Archive" publisher to end the date at: a date right after the title still is one.
    const date = leadingDate(rest);
    if (date !== undefined) {
      out.date = date;
      rest = rest.slice(date.length).replace(/^\s*[,.]\s*/, '');
    }
  } else {
    const before = rest.slice(0, pub);
    const comma = before.lastIndexOf(',');
    if (comma >= 0) {
      const date = before.slice(0, comma).trim();
      if (date) out.date = date;
    }
    out.publisher = (before.slice(comma + 1) + PUBLISHER_END).trim();
    rest = rest.slice(pub + PUBLISHER_END.length).replace(/^\s*[,.]\s*/, '');
  }
  const m = CONTRIBUTORS_START.exec(rest);
  const refPart = (m ? rest.slice(0, m.index) : rest).replace(/[\s.,;]+$/, '').trim();
  const contribPart = m ? rest.slice(m.index).replace(/^[.;]\s*/, '') : '';
  if (refPart) out.archiveReferences = parseArchiveReferences(refPart);
  if (contribPart) {
    const { contributors, unread } = parseContributors(contribPart);
    out.contributors = contributors;
    out.unread.push(...unread);
  }
  return out;
}
