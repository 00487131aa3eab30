/**
 * OAI-PMH UTC datestamps. The repository's granularity is seconds; harvesters may send `from` and
 * `until` as days or seconds (both the same granularity in one request).
 */
export type Granularity = 'day' | 'seconds';

export interface ParsedDate {
  granularity: Granularity;
  /** The inclusive bound as a seconds datestamp (a day `until` means the end of that day). */
  bound: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECONDS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** "2026-01-31T12:00:00Z": the datestamp of an instant, seconds granularity. */
export function toDatestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function realDate(y: string, m: string, d: string, hh = '00', mm = '00', ss = '00'): boolean {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh), Number(mm), Number(ss)));
  return (
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(m) - 1 &&
    date.getUTCDate() === Number(d) &&
    date.getUTCHours() === Number(hh) &&
    date.getUTCMinutes() === Number(mm) &&
    date.getUTCSeconds() === Number(ss)
  );
}

/** Parses a `from`/`until` argument; undefined when it is not a real date at a supported granularity. */
export function parseOaiDate(value: string, end: 'from' | 'until'): ParsedDate | undefined {
  const day = DAY.exec(value);
  if (day) {
    const [, y, m, d] = day as unknown as [string, string, string, string];
    if (!realDate(y, m, d)) return undefined;
    return { granularity: 'day', bound: `${value}T${end === 'from' ? '00:00:00' : '23:59:59'}Z` };
  }
  const sec = SECONDS.exec(value);
  if (sec) {
    const [, y, m, d, hh, mm, ss] = sec as unknown as [string, string, string, string, string, string, string];
    if (!realDate(y, m, d, hh, mm, ss)) return undefined;
    return { granularity: 'seconds', bound: value };
  }
  return undefined;
}
