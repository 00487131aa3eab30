import type { DatePrecision, DateValue } from '../../model/dates.js';
import { isValidDay } from './calendar.js';
import { referenceYear } from './resolve-year.js';

export interface DateContext {
  /** A date to borrow missing parts from (the catalogue date); any borrowed part is marked `inferred`. */
  reference?: DateValue;
  /** How to name the reference in `inferred` reasons; default "catalogue date". */
  referenceLabel?: string;
}

/** A calendar date read from the text; `year` may be missing ("29 October"). */
export interface DayParts {
  year?: number;
  month?: number;
  day?: number;
  notes: string[];
}

/** A normalised value before it becomes a DateValue; `notes` are the reasons for inferred parts. */
export interface Normalised {
  when?: string;
  notBefore?: string;
  notAfter?: string;
  precision: DatePrecision;
  notes: string[];
}

/** Validates, and borrows a missing year from the reference (marked inferred). */
export function complete(year: number | undefined, month: number | undefined, day: number | undefined, context: DateContext): DayParts | undefined {
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (month === undefined || !isValidDay(year, month, day))) return undefined;
  if (month === undefined && year === undefined) return undefined;
  const notes: string[] = [];
  if (year === undefined) {
    const refYear = referenceYear(context.reference);
    if (refYear !== undefined) {
      if (day !== undefined && !isValidDay(refYear, month!, day)) return undefined;
      year = refYear;
      notes.push(`year ${refYear} taken from the ${context.referenceLabel ?? 'catalogue date'}`);
    } else if (day === undefined) return undefined; // a month alone is not a date
  }
  const parts: DayParts = { notes };
  if (year !== undefined) parts.year = year;
  if (month !== undefined) parts.month = month;
  if (day !== undefined) parts.day = day;
  return parts;
}
