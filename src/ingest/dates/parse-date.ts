import type { DateOrigin, DateValue } from '../../model/dates.js';

export interface DateContext {
  /** A date to borrow missing parts from (the catalogue date); any borrowed part is marked `inferred`. */
  reference?: DateValue;
}

/**
 * Parses one date expression as written. Always returns the verbatim text; `when` (or
 * notBefore/notAfter) and `precision` only when the expression could be normalised.
 * PLACEHOLDER until the dates module lands: only "Month D, YYYY".
 */
export function parseDate(verbatim: string, origin: DateOrigin, _context: DateContext = {}): DateValue {
  const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  const m = /^([A-Za-z]+) (\d{1,2}), (\d{4})$/.exec(verbatim.trim());
  const mi = m ? months.indexOf(m[1]!.toLowerCase()) : -1;
  if (m && mi >= 0) {
    return { verbatim, origin, when: `${m[3]}-${String(mi + 1).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`, precision: 'day' };
  }
  return { verbatim, origin };
}
