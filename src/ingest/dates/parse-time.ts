/** A clock time as written: "5:00 p.m.", "17.30 hours", "1700 hrs", "09:15". */
export interface ClockTime {
  hour: number;
  minute: number;
  second?: number;
}

const SUFFIX = /^(a\.?\s?m\.?|p\.?\s?m\.?|hours|hrs\.?|h)$/i;

/** Parses one time; the dot separator ("17.30") needs a suffix, since "13.10" may be a day and month. */
export function parseClockTime(text: string, sharedSuffix?: string): ClockTime | undefined {
  const m = /^(\d{1,2})(?:([:.])(\d{2})(?:[:.](\d{2}))?)?\s*([a-z.]*)$/i.exec(text.trim());
  const military = /^(\d{2})(\d{2})\s*(hours|hrs\.?|h)$/i.exec(text.trim());
  if (military) return validate(Number(military[1]), Number(military[2]), undefined);
  if (!m) return undefined;
  const suffix = (m[5] ?? '') || (sharedSuffix ?? '');
  if (suffix !== '' && !SUFFIX.test(suffix)) return undefined;
  if (m[2] === undefined && suffix === '') return undefined; // a bare number is not a time
  if (m[2] === '.' && suffix === '') return undefined;
  const hour = Number(m[1]);
  const minute = m[3] !== undefined ? Number(m[3]) : 0;
  const second = m[4] !== undefined ? Number(m[4]) : undefined;
  const meridiem = /^a/i.test(suffix) ? 'am' : /^p/i.test(suffix) ? 'pm' : undefined;
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    const h24 = meridiem === 'am' ? hour % 12 : (hour % 12) + 12;
    return validate(h24, minute, second);
  }
  return validate(hour, minute, second);
}

function validate(hour: number, minute: number, second: number | undefined): ClockTime | undefined {
  // "24:00" is left unnormalised: it means the next day's midnight and xs:time has no room for the day.
  if (hour > 23 || minute > 59 || (second !== undefined && second > 59)) return undefined;
  return second === undefined ? { hour, minute } : { hour, minute, second };
}

/** The meridiem suffix of a time, so "3:00–5:30 p.m." can share it with its first time. */
export function timeSuffix(text: string): string | undefined {
  const m = /(a\.?\s?m\.?|p\.?\s?m\.?)$/i.exec(text.trim());
  return m?.[1];
}
