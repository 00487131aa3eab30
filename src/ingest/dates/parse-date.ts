import type { DateOrigin, DateValue } from '../../model/dates.js';
import type { DateContext } from './date-parts.js';
import { parseDateTime } from './parse-date-time.js';
import { parseRange } from './parse-range.js';

export type { DateContext } from './date-parts.js';

/**
 * Parses one date expression as written. Always returns the verbatim text; `when` (or
 * notBefore/notAfter) and `precision` only when the expression could be normalised.
 * A part not in the text (a year from the reference, a century) is named in `inferred`.
 */
export function parseDate(verbatim: string, origin: DateOrigin, context: DateContext = {}): DateValue {
  const value: DateValue = { verbatim, origin };
  const cleaned = clean(verbatim);
  if (cleaned === '') return value;
  const result = parseRange(cleaned, context) ?? parseDateTime(cleaned, context);
  if (!result) return value;
  if (result.when !== undefined) value.when = result.when;
  if (result.notBefore !== undefined) value.notBefore = result.notBefore;
  if (result.notAfter !== undefined) value.notAfter = result.notAfter;
  value.precision = result.precision;
  if (result.notes.length > 0) value.inferred = [...new Set(result.notes)].join('; ');
  return value;
}

/** Editorial brackets and quote marks are read through ("28 [October 1965]", "“13” June 1956"). */
function clean(text: string): string {
  return text
    .replace(/[[\]“”"„«»]/g, '')
    .replace(/[\u00a0\s]+/g, ' ')
    .replace(/^\s*(undated|n\.d\.)\s*/i, '')
    .replace(/[–—‒-]/g, '-')
    .toLowerCase()
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .replace(/^[\s,;]+|[\s,;]+$/g, '');
}
