import type { DateValue } from '../model/dates.js';

const ISO_PREFIX = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/;

/**
 * IIIF navDate (xsd:dateTime in UTC with "Z") from a normalised date: the start of the period it
 * names ("1965" → 1965-01-01T00:00:00Z). Absent when the date has no ISO form at all.
 */
export function navDateOf(date: DateValue | undefined): string | undefined {
  const iso = date?.when ?? date?.notBefore;
  if (iso === undefined) return undefined;
  const m = ISO_PREFIX.exec(iso);
  if (!m) return undefined;
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00'] = m;
  // A calendar-impossible date ("1965-02-30") has no navDate rather than a wrong one.
  const parts = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const probe = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5]));
  probe.setUTCFullYear(parts[0]);
  if (probe.getUTCMonth() !== parts[1] - 1 || probe.getUTCDate() !== parts[2] || probe.getUTCHours() !== parts[3] || probe.getUTCMinutes() !== parts[4] || probe.getUTCSeconds() !== parts[5]) {
    return undefined;
  }
  return `${year}-${month}-${day}T${hour}:${minute}:${second}Z`;
}

/** Four-digit year of a date, for the year collections. */
export function yearOf(date: DateValue | undefined): string | undefined {
  const iso = date?.when ?? date?.notBefore;
  const m = iso === undefined ? null : /^(\d{4})/.exec(iso);
  return m?.[1];
}
