const MONTHS: [RegExp, number][] = [
  [/\bjan(uary)?\b/, 1],
  [/\bfeb(ruary)?\b/, 2],
  [/\bmar(ch)?\b/, 3],
  [/\bapr(il)?\b/, 4],
  [/\bmay\b/, 5],
  [/\bjune?\b/, 6],
  [/\bjuly?\b/, 7],
  [/\baug(ust)?\b/, 8],
  [/\bsept?(ember)?\b/, 9],
  [/\boct(ober)?\b/, 10],
  [/\bnov(ember)?\b/, 11],
  [/\bdec(ember)?\b/, 12],
];

export interface DateProblem {
  code: 'tei/date-text-mismatch' | 'tei/date-precision';
  message: string;
}

/**
 * Does a date's text agree with its ISO value? Only what the text states is compared: a year or
 * month name it names must be the one in @when; a day in @when needs a day number in the text
 * unless the value was marked as inferred.
 */
export function checkDatePlausibility(text: string, iso: string, inferred: boolean): DateProblem | undefined {
  const m = /^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return undefined;
  const [, year, month, day] = m;
  const lower = text.toLowerCase();
  const years = [...lower.matchAll(/(?<!\d)(1[5-9]\d{2}|20\d{2})(?!\d)/g)].map((x) => x[1]!);
  if (years.length > 0 && year !== undefined && !years.includes(year)) {
    return { code: 'tei/date-text-mismatch', message: `The text "${text}" names the year ${years.join(', ')} but @when says ${year}.` };
  }
  const months = MONTHS.filter(([re]) => re.test(lower)).map(([, n]) => n);
  if (months.length > 0 && month !== undefined && !months.includes(Number(month))) {
    return { code: 'tei/date-text-mismatch', message: `The text "${text}" names another month than @when (${iso}).` };
  }
  if (day !== undefined && months.length > 0 && !inferred) {
    const withoutYears = lower.replace(/(?<!\d)\d{4}(?!\d)/g, ' ');
    const days = [...withoutYears.matchAll(/(?<!\d)(\d{1,2})(?!\d)/g)].map((x) => Number(x[1]));
    if (days.length === 0) {
      return { code: 'tei/date-precision', message: `@when="${iso}" gives a day but the text "${text}" shows none; use the precision the text has.` };
    }
    if (!days.includes(Number(day))) {
      return { code: 'tei/date-text-mismatch', message: `The text "${text}" does not show the day of @when (${iso}).` };
    }
  }
  return undefined;
}

/** Two ISO values agree when they are equal at the precision they share ("1965-12" and "1965-12-15"). */
export function isoAgree(a: string, b: string): boolean {
  const da = a.slice(0, 10);
  const db = b.slice(0, 10);
  const n = Math.min(da.length, db.length);
  return da.slice(0, n) === db.slice(0, n);
}

/** notBefore ≤ notAfter, compared at the precision both have. */
export function intervalInOrder(notBefore: string, notAfter: string): boolean {
  const n = Math.min(notBefore.length, notAfter.length);
  return notBefore.slice(0, n) <= notAfter.slice(0, n);
}
