import { complete, type DateContext, type DayParts } from './date-parts.js';
import { monthFromRoman } from './month-names.js';
import { referenceYear, resolveTwoDigitYear } from './resolve-year.js';

/** "13.10.50", "10/14/50", "12.III.57", "12/X", "1965-10-29". */
export function parseNumeric(token: string, context: DateContext): DayParts | undefined {
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(token);
  if (iso) return complete(Number(iso[1]), Number(iso[2]), iso[3] !== undefined ? Number(iso[3]) : undefined, context);
  const m = /^(\d{1,2})([./])([0-9]{1,2}|[ivx]{1,4})(?:\2(\d{2}|\d{4}))?\.?$/.exec(token);
  if (!m) return undefined;
  const first = Number(m[1]);
  const roman = monthFromRoman(m[3]!);
  const notes: string[] = [];
  let year: number | undefined;
  if (m[4] !== undefined && m[4].length === 2) {
    const resolved = resolveTwoDigitYear(Number(m[4]), referenceYear(context.reference));
    year = resolved.year;
    notes.push(resolved.reason);
  } else if (m[4] !== undefined) year = Number(m[4]);
  let day: number;
  let month: number;
  if (/^[ivx]+$/.test(m[3]!)) {
    if (roman === undefined) return undefined;
    day = first;
    month = roman;
  } else {
    if (m[4] === undefined) return undefined; // "12/10" alone: neither order nor year is known
    const second = Number(m[3]);
    if (m[2] === '.') {
      // Dotted numeric dates are European: day first.
      day = first;
      month = second;
    } else if (first > 12) {
      day = first;
      month = second;
    } else {
      // Slashed dates in these translations follow the American order unless the first part cannot be a month.
      month = first;
      day = second;
      if (second <= 12 && first !== second) notes.push('month/day order assumed to be month first');
    }
  }
  const parts = complete(year, month, day, context);
  if (parts) parts.notes.unshift(...notes);
  return parts;
}
