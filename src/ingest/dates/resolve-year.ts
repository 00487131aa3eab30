import type { DateValue } from '../../model/dates.js';

/** The year of a reference date ("1965" from "1965-12-15"), if it has one. */
export function referenceYear(reference: DateValue | undefined): number | undefined {
  const iso = reference?.when ?? reference?.notBefore ?? reference?.notAfter;
  const m = iso !== undefined ? /^(\d{4})/.exec(iso) : null;
  return m ? Number(m[1]) : undefined;
}

/**
 * Century of a two-digit year ("13.10.50"). With a reference year, the century that puts the
 * year nearest to it without running more than ten years past it (a 1965 cable citing "1.1.66"
 * means 1966, citing "10/14/50" means 1950); without one, the 1900s, the archive's century.
 */
export function resolveTwoDigitYear(twoDigits: number, refYear: number | undefined): { year: number; reason: string } {
  if (refYear === undefined) {
    return { year: 1900 + twoDigits, reason: `century of two-digit year "${pad2(twoDigits)}" assumed to be the 1900s` };
  }
  let year = Math.floor(refYear / 100) * 100 + twoDigits;
  if (year > refYear + 10) year -= 100;
  else if (year < refYear - 89) year += 100;
  return { year, reason: `century of two-digit year "${pad2(twoDigits)}" taken from the reference year ${refYear}` };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
