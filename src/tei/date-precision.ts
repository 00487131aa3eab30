import type { DatePrecision, DateValue } from '../model/dates.js';

/** The precision an ISO 8601 value shows by its own shape ("1965-12" is a month). */
export function precisionOfIso(iso: string | undefined): DatePrecision | undefined {
  if (iso === undefined) return undefined;
  if (/^-?\d{4}$/.test(iso)) return 'year';
  if (/^-?\d{4}-\d{2}$/.test(iso)) return 'month';
  if (/^-?\d{4}-\d{2}-\d{2}$/.test(iso)) return 'day';
  if (/T\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})?$/.test(iso)) return 'minute';
  if (/T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(iso)) return 'second';
  return undefined;
}

/** Precision implied by a date's attributes: @when first, else the interval bounds. */
export function impliedPrecision(value: Pick<DateValue, 'when' | 'notBefore' | 'notAfter'>): DatePrecision | undefined {
  return precisionOfIso(value.when ?? value.notBefore ?? value.notAfter);
}

/** Written as date/@subtype only when it says more than the ISO value's own shape. */
export const UNSPECIFIED_PRECISION = 'unspecified';
